package dev.cairn.agent.image.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An OCI image index ({@code index.json} of a layout, or a multi-platform index blob). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageIndex(int schemaVersion, String mediaType, List<Descriptor> manifests) {

  /** Annotation holding the full reference ({@code name:tag}), as containerd writes it. */
  public static final String NAME_ANNOTATION = "io.containerd.image.name";

  /** Annotation holding the tag (skopeo) or a full reference (some other tools). */
  public static final String REF_NAME_ANNOTATION = "org.opencontainers.image.ref.name";

  public ImageIndex {
    manifests = manifests == null ? List.of() : List.copyOf(manifests);
  }

  public static ImageIndex of(List<Descriptor> manifests) {
    return new ImageIndex(2, MediaTypes.OCI_INDEX, manifests);
  }
}

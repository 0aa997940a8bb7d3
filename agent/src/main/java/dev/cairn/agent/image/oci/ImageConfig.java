package dev.cairn.agent.image.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The part of an image config the cache needs: {@code rootfs.diff_ids}, the digests of the
 * uncompressed layers, bottom first. The Docker image id is the config's own digest.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageConfig(@JsonProperty("rootfs") RootFs rootfs) {

  /** The {@code rootfs} object. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RootFs(String type, @JsonProperty("diff_ids") List<Digest> diffIds) {
    public RootFs {
      diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
    }
  }

  public List<Digest> diffIds() {
    return rootfs == null ? List.of() : rootfs.diffIds();
  }
}

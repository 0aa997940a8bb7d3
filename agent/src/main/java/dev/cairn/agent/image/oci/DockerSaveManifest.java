package dev.cairn.agent.image.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One element of the {@code manifest.json} array of a {@code docker save} archive: archive paths
 * of the config and of the layers (bottom first), and the references to tag.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DockerSaveManifest(
    @JsonProperty("Config") String config,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("Layers") List<String> layers) {

  public DockerSaveManifest {
    repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
    layers = layers == null ? List.of() : List.copyOf(layers);
  }
}

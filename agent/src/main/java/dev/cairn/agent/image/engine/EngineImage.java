package dev.cairn.agent.image.engine;

import dev.cairn.agent.image.oci.Digest;
import java.util.List;

/** An image as the engine reports it: id (config digest), tags, and diff ids of its layers. */
public record EngineImage(Digest id, List<String> repoTags, List<Digest> diffIds) {

  public EngineImage {
    repoTags = List.copyOf(repoTags);
    diffIds = List.copyOf(diffIds);
  }
}

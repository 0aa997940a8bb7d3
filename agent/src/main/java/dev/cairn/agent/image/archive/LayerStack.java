package dev.cairn.agent.image.archive;

import dev.cairn.agent.image.oci.Digest;
import java.util.List;

/**
 * One image of a {@code docker save} archive as read ahead from {@code manifest.json} and its
 * config, before any layer is read: the archive paths of the config and of the layers (bottom
 * first), the layers' diff ids, and the platform. Immutable.
 */
public record LayerStack(String config, String os, String architecture, List<Digest> diffIds, List<String> layers) {

  public LayerStack {
    diffIds = List.copyOf(diffIds);
    layers = List.copyOf(layers);
    if (diffIds.size() != layers.size()) {
      throw new IllegalArgumentException("a layer stack needs one diff id per layer");
    }
  }
}

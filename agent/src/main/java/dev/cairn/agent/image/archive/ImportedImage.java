package dev.cairn.agent.image.archive;

import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.ImageRef;
import java.util.List;

/**
 * One image an import put in the cache: its references, manifest digest, image id (config digest),
 * how many layers it needs and how many of those the cache already held, and its size.
 */
public record ImportedImage(
    List<ImageRef> refs, Digest manifestDigest, Digest imageId, int layers, int layersCached, long size) {

  public ImportedImage {
    refs = List.copyOf(refs);
  }
}

package dev.cairn.agent.image.archive;

import dev.cairn.agent.image.cache.StagedBlob;
import dev.cairn.agent.image.oci.Descriptor;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.ImageRef;
import java.util.List;

/**
 * One image found in an archive, verified: its references, manifest (bytes and digest; written by
 * the cache when the archive had none, as for {@code docker save}), config and layers, and the
 * staged blobs that carry them.
 */
record ResolvedImage(
    List<ImageRef> refs, Digest manifestDigest, byte[] manifestBytes, Descriptor config, List<Descriptor> layers,
    List<StagedBlob> blobs) {

  ResolvedImage {
    refs = List.copyOf(refs);
    layers = List.copyOf(layers);
    blobs = List.copyOf(blobs);
  }
}

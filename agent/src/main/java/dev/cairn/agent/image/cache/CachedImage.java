package dev.cairn.agent.image.cache;

import dev.cairn.agent.image.oci.Descriptor;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.ImageManifest;
import dev.cairn.agent.image.oci.ImageRef;
import java.util.List;

/**
 * An image in the cache: its reference, manifest and the diff ids from its config. The Docker image
 * id is {@link #imageId()}, the config's digest. Immutable.
 */
public record CachedImage(ImageRef ref, Descriptor manifestDescriptor, ImageManifest manifest, List<Digest> diffIds) {

  public CachedImage {
    diffIds = List.copyOf(diffIds);
  }

  public Digest imageId() {
    return manifest.config().digest();
  }

  public Digest manifestDigest() {
    return manifestDescriptor.digest();
  }

  /** Every blob the image needs: manifest, config and layers. */
  public List<Digest> blobs() {
    List<Digest> blobs = new java.util.ArrayList<>();
    blobs.add(manifestDigest());
    blobs.add(imageId());
    manifest.layers().forEach(layer -> blobs.add(layer.digest()));
    return List.copyOf(blobs);
  }

  /** Size of config and layers. */
  public long size() {
    return manifest.contentSize();
  }
}

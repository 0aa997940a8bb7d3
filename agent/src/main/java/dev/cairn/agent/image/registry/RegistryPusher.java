package dev.cairn.agent.image.registry;

import dev.cairn.agent.image.cache.BlobStore;
import dev.cairn.agent.image.cache.CachedImage;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.oci.Descriptor;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.MediaTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Pushes cached images to a registry: blobs it lacks first, the manifest last. Thread-safe. */
public final class RegistryPusher {

  private final BlobStore blobs;

  public RegistryPusher(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** Pushes {@code image} as {@code <registry>/<repository>:<tag>} (the repository's own host part, if any, is dropped). */
  public PushReport push(CachedImage image, RegistryClient registry, Progress progress) throws IOException, RegistryException {
    registry.ping();
    String repository = repositoryPath(image.ref().repository());
    List<Digest> needed = new ArrayList<>();
    image.manifest().layers().forEach(layer -> needed.add(layer.digest()));
    needed.add(image.imageId());
    long total = needed.stream().mapToLong(this::sizeOrZero).sum();
    int present = 0;
    long uploaded = 0;
    for (Digest blob : needed) {
      if (registry.hasBlob(repository, blob)) {
        present++;
      } else {
        registry.uploadBlob(repository, blob, blobs.path(blob));
        uploaded += blobs.size(blob);
      }
      progress.update("push", uploaded, total);
    }
    Descriptor manifest = image.manifestDescriptor();
    String mediaType = manifest.mediaType() == null ? MediaTypes.OCI_MANIFEST : manifest.mediaType();
    registry.putManifest(repository, image.ref().tag(), mediaType, blobs.read(manifest.digest()));
    String target = registry.base().getAuthority() + "/" + repository + ":" + image.ref().tag();
    return new PushReport(image.ref().toString(), target, needed.size(), present, uploaded);
  }

  /** {@code 127.0.0.1:5000/app} → {@code app}; {@code team/app} stays. */
  static String repositoryPath(String repository) {
    int slash = repository.indexOf('/');
    if (slash > 0) {
      String first = repository.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        return repository.substring(slash + 1);
      }
    }
    return repository;
  }

  private long sizeOrZero(Digest digest) {
    try {
      return blobs.size(digest);
    } catch (IOException e) {
      return 0;
    }
  }
}

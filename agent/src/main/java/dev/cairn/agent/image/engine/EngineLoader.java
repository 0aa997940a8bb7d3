package dev.cairn.agent.image.engine;

import dev.cairn.agent.image.cache.BlobStore;
import dev.cairn.agent.image.cache.CachedImage;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.oci.ChainIds;
import dev.cairn.agent.image.oci.Digest;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a cached image into the engine: nothing when the engine already has the image id; otherwise
 * a load stream that leaves out the layers the engine holds. If a skipped layer vanished in between
 * (the engine then refuses the stream), the image is sent again whole. Thread-safe.
 */
public final class EngineLoader {

  private final DockerEngine engine;
  private final BlobStore blobs;

  public EngineLoader(DockerEngine engine, BlobStore blobs) {
    this.engine = engine;
    this.blobs = blobs;
  }

  public DockerEngine engine() {
    return engine;
  }

  /** Makes sure the engine has {@code image} tagged with its reference. */
  public LoadReport load(CachedImage image, Progress progress) throws IOException, EngineException {
    if (engine.inspect(image.imageId().toString()).isPresent()) {
      engine.tag(image.imageId(), image.ref());
      return new LoadReport(image.ref().toString(), image.imageId(), true, 0, image.diffIds().size(), 0);
    }
    Set<Digest> present = new HashSet<>(ChainIds.of(image.diffIds()));
    present.retainAll(engine.layerChains());
    try {
      return send(image, present, progress);
    } catch (EngineException e) {
      if (present.isEmpty()) {
        throw e;
      }
      return send(image, Set.of(), progress);
    }
  }

  private LoadReport send(CachedImage image, Set<Digest> skip, Progress progress) throws IOException, EngineException {
    try (DockerSaveStream stream = DockerSaveStream.open(image, blobs, skip, progress)) {
      engine.load(stream, stream.total());
      if (engine.inspect(image.imageId().toString()).isEmpty()) {
        throw new EngineException(
            "the engine at " + engine.host() + " accepted the load of " + image.ref() + " but does not show image "
                + image.imageId().shortHex());
      }
      List<Digest> chains = ChainIds.of(image.diffIds());
      int skipped = (int) chains.stream().filter(skip::contains).count();
      return new LoadReport(image.ref().toString(), image.imageId(), false, chains.size() - skipped, skipped, stream.sent());
    }
  }
}

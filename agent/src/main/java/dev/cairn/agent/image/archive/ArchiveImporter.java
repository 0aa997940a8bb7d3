package dev.cairn.agent.image.archive;

import dev.cairn.agent.image.cache.CacheLock;
import dev.cairn.agent.image.cache.CommitReport;
import dev.cairn.agent.image.cache.ImageCache;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.cache.StagedBlob;
import dev.cairn.agent.image.cache.StagingArea;
import dev.cairn.agent.image.oci.Descriptor;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.ImageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports one archive into the cache, all or nothing: every entry is staged and verified first;
 * only when every image resolves are the blobs committed and {@code index.json} rewritten. Any
 * rejection deletes the staging area and leaves the cache as it was. Thread-safe (holds the cache
 * lock while it works).
 */
public final class ArchiveImporter {

  private final ImageCache cache;

  public ArchiveImporter(ImageCache cache) {
    this.cache = cache;
  }

  /**
   * Imports {@code path}: a {@code docker save} archive (plain, gzip, zstd), an OCI archive or an OCI
   * layout directory. {@code name} completes or replaces the archive's own image names.
   */
  public ImportReport importArchive(Path path, Optional<String> name, Progress progress)
      throws IOException, ArchiveRejectedException {
    return importArchive(path, name, progress, ImportListener.NONE);
  }

  /**
   * As {@link #importArchive(Path, Optional, Progress)}, telling {@code listener} the images read
   * ahead and each entry as soon as it is staged and verified. A seekable {@code docker save}
   * archive is read with its layers last, bottom first, so a listener can use them in that order.
   */
  public ImportReport importArchive(Path path, Optional<String> name, Progress progress, ImportListener listener)
      throws IOException, ArchiveRejectedException {
    ImageNames.check(name);
    long total = Files.isRegularFile(path) ? Files.size(path) : -1;
    try (CacheLock lock = cache.lock()) {
      cache.removeStaleStaging();
      try (StagingArea staging = cache.newStaging();
          ArchiveReader reader = ArchiveReaders.open(path)) {
        List<ResolvedImage> images = resolve(path, reader, staging, name, progress, total, listener);
        return commit(path, images, staging);
      } catch (DamagedArchiveException e) {
        throw rejected(path, e);
      }
    }
  }

  private List<ResolvedImage> resolve(
      Path path, ArchiveReader reader, StagingArea staging, Optional<String> name, Progress progress, long total,
      ImportListener listener)
      throws IOException, ArchiveRejectedException {
    List<LayerStack> stacks = DockerSaveLayout.stacks(reader);
    listener.planned(stacks);
    EntryCollector collector =
        new EntryCollector(staging, cache.blobs(), DockerSaveLayout.hints(stacks), reader, progress, total, listener);
    try {
      reader.read(collector, DockerSaveLayout.layerOrder(stacks));
    } catch (DamagedArchiveException e) {
      throw rejected(path, e);
    }
    ArchiveContents contents = collector.contents();
    if (contents.has(DockerSaveLayout.MANIFEST)) {
      return DockerSaveLayout.resolve(contents, name);
    }
    if (contents.has(OciLayout.INDEX)) {
      return OciLayout.resolve(contents, name);
    }
    throw new ArchiveRejectedException(
        path + " is not an image archive: it has neither manifest.json (docker save) nor index.json (OCI layout)");
  }

  private ImportReport commit(Path path, List<ResolvedImage> images, StagingArea staging) throws IOException {
    Map<Digest, StagedBlob> blobs = new LinkedHashMap<>();
    Map<Digest, byte[]> manifests = new LinkedHashMap<>();
    Map<ImageRef, Digest> refs = new LinkedHashMap<>();
    List<ImportedImage> imported = new ArrayList<>();
    for (ResolvedImage image : images) {
      image.blobs().forEach(blob -> blobs.putIfAbsent(blob.digest(), blob));
      if (image.manifestBytes() != null) {
        manifests.put(image.manifestDigest(), image.manifestBytes());
      }
      image.refs().forEach(ref -> refs.put(ref, image.manifestDigest()));
      int cached = 0;
      for (Descriptor layer : image.layers()) {
        cached += cache.blobs().contains(layer.digest()) ? 1 : 0;
      }
      long size = image.config().size() + image.layers().stream().mapToLong(Descriptor::size).sum();
      imported.add(
          new ImportedImage(image.refs(), image.manifestDigest(), image.config().digest(), image.layers().size(), cached, size));
    }
    staging.awaitDurable();
    CommitReport report = cache.commit(List.copyOf(blobs.values()), manifests, refs);
    return new ImportReport(path.toString(), imported, report.blobsAdded(), report.bytesAdded(), staging.bytesWritten());
  }

  private static ArchiveRejectedException rejected(Path path, DamagedArchiveException e) {
    return new ArchiveRejectedException(
        path + ": " + e.getMessage() + "; nothing was imported: copy the archive again from a good source", e);
  }
}

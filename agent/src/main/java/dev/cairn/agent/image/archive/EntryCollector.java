package dev.cairn.agent.image.archive;

import dev.cairn.agent.image.cache.BlobStore;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.cache.StagedBlob;
import dev.cairn.agent.image.cache.StagingArea;
import dev.cairn.agent.image.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Visits every entry once: applies the entry policy, stages each file while hashing it, checks the
 * digest an entry's name (or a hint) promises, and records links. A file whose promised digest the
 * cache already holds is hashed but not written. Each file whose promised digest matched is reported
 * to the {@link ImportListener}.
 */
final class EntryCollector implements ArchiveReader.Visitor {

  private final StagingArea staging;
  private final BlobStore blobs;
  private final Map<String, Digest> hints;
  private final ArchiveReader reader;
  private final Progress progress;
  private final long total;
  private final ImportListener listener;
  private final Map<String, StagedBlob> files = new HashMap<>();
  private final Map<String, String> links = new HashMap<>();

  EntryCollector(
      StagingArea staging, BlobStore blobs, Map<String, Digest> hints, ArchiveReader reader, Progress progress, long total,
      ImportListener listener) {
    this.staging = staging;
    this.blobs = blobs;
    this.hints = Map.copyOf(hints);
    this.reader = reader;
    this.progress = progress;
    this.total = total;
    this.listener = listener;
  }

  @Override
  public void visit(ArchiveEntry entry, InputStream content) throws IOException, ArchiveRejectedException {
    String name = EntryPolicy.normalize(entry.name());
    switch (entry.kind()) {
      case DIRECTORY -> {}
      case SYMLINK -> links.put(name, EntryPolicy.resolveSymlink(name, entry.linkTarget()));
      case HARDLINK -> links.put(name, EntryPolicy.resolveHardlink(name, entry.linkTarget()));
      case FILE -> stage(name, content);
      case OTHER -> throw new ArchiveRejectedException(
          "archive entry '" + entry.name() + "' is a device or FIFO, which image archives never hold: not imported");
    }
  }

  private void stage(String name, InputStream content) throws IOException, ArchiveRejectedException {
    if (files.containsKey(name) || links.containsKey(name)) {
      throw new ArchiveRejectedException("the archive holds '" + name + "' twice: it is ambiguous and was not imported");
    }
    Digest promised = promisedDigest(name);
    StagedBlob blob = promised != null && blobs.contains(promised) ? staging.hash(content) : staging.write(content);
    if (promised != null && !promised.equals(blob.digest())) {
      throw new ArchiveRejectedException(
          "digest mismatch in archive entry '" + name + "': expected " + promised + ", computed " + blob.digest()
              + ": the archive is corrupt; copy it again from a good source");
    }
    files.put(name, blob);
    if (promised != null) {
      listener.verified(name, blob);
    }
    progress.update("import", reader.position(), total);
  }

  /** The digest an entry must have: from its name ({@code blobs/sha256/<hex>}, {@code <hex>.json}) or a hint. */
  private Digest promisedDigest(String name) {
    if (name.startsWith("blobs/sha256/") && Digest.isHex(name.substring("blobs/sha256/".length()))) {
      return new Digest(name.substring("blobs/sha256/".length()));
    }
    if (name.endsWith(".json") && name.indexOf('/') < 0 && Digest.isHex(name.substring(0, name.length() - 5))) {
      return new Digest(name.substring(0, name.length() - 5));
    }
    return hints.get(name);
  }

  ArchiveContents contents() {
    return new ArchiveContents(files, links, blobs);
  }
}

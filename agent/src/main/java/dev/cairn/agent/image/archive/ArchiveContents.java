package dev.cairn.agent.image.archive;

import dev.cairn.agent.image.cache.BlobStore;
import dev.cairn.agent.image.cache.StagedBlob;
import dev.cairn.agent.image.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/** The staged files and links of one archive, looked up by archive path (links followed). */
final class ArchiveContents {

  private static final int MAX_LINK_DEPTH = 16;
  private static final long JSON_LIMIT = 16L << 20;

  private final Map<String, StagedBlob> files;
  private final Map<String, String> links;
  private final BlobStore blobs;

  ArchiveContents(Map<String, StagedBlob> files, Map<String, String> links, BlobStore blobs) {
    this.files = Map.copyOf(files);
    this.links = Map.copyOf(links);
    this.blobs = blobs;
  }

  boolean has(String name) {
    return files.containsKey(name) || links.containsKey(name);
  }

  /** The file at {@code path}, following links inside the archive. */
  StagedBlob file(String path) throws ArchiveRejectedException {
    String name = EntryPolicy.normalize(path);
    for (int depth = 0; depth < MAX_LINK_DEPTH; depth++) {
      StagedBlob file = files.get(name);
      if (file != null) {
        return file;
      }
      String target = links.get(name);
      if (target == null) {
        throw new ArchiveRejectedException(
            "the archive lacks '" + path + "', which its manifest names: it is incomplete (truncated?) and was not imported");
      }
      name = target;
    }
    throw new ArchiveRejectedException("archive links starting at '" + path + "' loop or nest too deep");
  }

  /** The blob {@code blobs/sha256/<hex>} of an OCI layout. */
  StagedBlob blob(Digest digest) throws ArchiveRejectedException {
    return file("blobs/sha256/" + digest.hex());
  }

  /** The bytes of a small staged file (JSON metadata). */
  byte[] read(String path) throws IOException, ArchiveRejectedException {
    return read(file(path), path);
  }

  byte[] read(StagedBlob blob, String what) throws IOException, ArchiveRejectedException {
    if (blob.size() > JSON_LIMIT) {
      throw new ArchiveRejectedException("'" + what + "' is " + blob.size() + " bytes, too large for image metadata");
    }
    return blob.written() ? Files.readAllBytes(blob.file()) : blobs.read(blob.digest());
  }
}

package dev.cairn.agent.image.cache;

import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.state.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code blobs/sha256} directory: content-addressed, write-once files. Thread-safe for reads;
 * writers hold the cache lock.
 */
public final class BlobStore {

  private final Path dir;

  BlobStore(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  public Path path(Digest digest) {
    return dir.resolve(digest.hex());
  }

  public boolean contains(Digest digest) {
    return Files.isRegularFile(path(digest));
  }

  public long size(Digest digest) throws IOException {
    return Files.size(path(digest));
  }

  /**
   * Opens a blob for reading.
   *
   * @throws NoSuchFileException if the cache does not hold it
   */
  public InputStream open(Digest digest) throws IOException {
    return Files.newInputStream(path(digest));
  }

  public byte[] read(Digest digest) throws IOException {
    return Files.readAllBytes(path(digest));
  }

  /**
   * Moves a verified staged blob to its content address. Returns the bytes added: 0 when the cache
   * already held the blob (the staged copy is deleted).
   */
  long commit(StagedBlob blob) throws IOException {
    Path target = path(blob.digest());
    if (Files.exists(target) || !blob.written()) {
      if (blob.written()) {
        Files.deleteIfExists(blob.file());
      }
      return 0;
    }
    Files.move(blob.file(), target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return blob.size();
  }

  /** Stores small content (a manifest the cache wrote itself); returns the bytes added. */
  long put(byte[] content, Digest digest) throws IOException {
    Path target = path(digest);
    if (Files.exists(target)) {
      return 0;
    }
    AtomicFile.write(target, content);
    return content.length;
  }

  void sync() throws IOException {
    AtomicFile.syncDirectory(dir);
  }

  /** Removes a blob; returns the bytes freed. */
  public long remove(Digest digest) throws IOException {
    Path path = path(digest);
    long size = Files.exists(path) ? Files.size(path) : 0;
    Files.deleteIfExists(path);
    return size;
  }

  /** Every blob and its size; files that are not named by a digest are left out. */
  public Map<Digest, Long> list() throws IOException {
    Map<Digest, Long> blobs = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (Digest.isHex(name) && Files.isRegularFile(file)) {
          blobs.put(new Digest(name), Files.size(file));
        }
      }
    }
    return blobs;
  }
}

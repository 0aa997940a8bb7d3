package dev.cairn.agent.image.cache;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A private directory holding the blobs of one import until they are verified and committed;
 * closing it deletes whatever was not committed. Not thread-safe.
 */
public final class StagingArea implements Closeable {

  private static final int BUFFER = 1 << 20;

  private final Path dir;
  private final AtomicLong bytesWritten = new AtomicLong();
  private int next;

  StagingArea(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  public Path dir() {
    return dir;
  }

  /**
   * Streams {@code in} into a new staging file, hashing while writing, then fsyncs it. Reads at
   * most {@code limit} bytes past which the caller's stream reports end-of-entry.
   */
  public StagedBlob write(InputStream in) throws IOException {
    Path file = dir.resolve("blob-" + next++);
    try (FileOutputStream fileOut = new FileOutputStream(file.toFile());
        DigestingOutputStream out = new DigestingOutputStream(fileOut)) {
      copy(in, out);
      out.flush();
      fileOut.getFD().sync();
      bytesWritten.addAndGet(out.count());
      return new StagedBlob(out.digest(), out.count(), file, out.head());
    }
  }

  /** Hashes {@code in} without writing it (the cache already holds a blob it claims to be). */
  public StagedBlob hash(InputStream in) throws IOException {
    try (DigestingOutputStream out = new DigestingOutputStream(OutputStream.nullOutputStream())) {
      copy(in, out);
      return new StagedBlob(out.digest(), out.count(), null, out.head());
    }
  }

  /** Bytes written into staging files so far. */
  public long bytesWritten() {
    return bytesWritten.get();
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[BUFFER];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
    }
  }

  @Override
  public void close() throws IOException {
    DurableFiles.deleteTree(dir);
  }
}

package dev.cairn.agent.image.cache;

import dev.cairn.agent.state.FileTree;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A private directory holding the blobs of one import until they are verified and committed;
 * closing it deletes whatever was not committed. Each written blob is fsynced on a background
 * thread while the next one is read and hashed; {@link #awaitDurable()} waits for all of them and
 * must be called before a blob is committed. Not thread-safe.
 */
public final class StagingArea implements Closeable {

  private static final int BUFFER = 1 << 20;

  private final Path dir;
  private final AtomicLong bytesWritten = new AtomicLong();
  private final List<Future<?>> syncs = new ArrayList<>();
  private ExecutorService syncer;
  private int next;

  StagingArea(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  public Path dir() {
    return dir;
  }

  /**
   * Streams {@code in} into a new staging file, hashing while writing, and starts its fsync in the
   * background (see {@link #awaitDurable()}).
   */
  public StagedBlob write(InputStream in) throws IOException {
    Path file = dir.resolve("blob-" + next++);
    StagedBlob blob;
    try (FileOutputStream fileOut = new FileOutputStream(file.toFile());
        DigestingOutputStream out = new DigestingOutputStream(fileOut)) {
      copy(in, out);
      out.flush();
      bytesWritten.addAndGet(out.count());
      blob = new StagedBlob(out.digest(), out.count(), file, out.head());
    }
    syncs.add(syncer().submit(() -> {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      return null;
    }));
    return blob;
  }

  /**
   * Waits until every blob written so far is on disk.
   *
   * @throws IOException if an fsync failed (e.g. the disk is full or failing); nothing may be committed
   */
  public void awaitDurable() throws IOException {
    for (Future<?> sync : syncs) {
      try {
        sync.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        throw cause instanceof IOException io ? io : new IOException("flushing a staged blob failed: " + cause, cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while flushing staged blobs to disk");
      }
    }
    syncs.clear();
  }

  private ExecutorService syncer() {
    if (syncer == null) {
      syncer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "cairn-staging-fsync");
        thread.setDaemon(true);
        return thread;
      });
    }
    return syncer;
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
    if (syncer != null) {
      syncer.shutdownNow();
      try {
        syncer.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    FileTree.delete(dir);
  }
}

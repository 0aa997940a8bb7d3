package dev.cairn.agent.snapshot;

import dev.cairn.agent.volume.PageCache;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Makes each large restored file durable as soon as its last blob is written, off the decoding
 * threads: one thread syncs its data to disk, releases its pages from the page cache, closes it
 * and applies its metadata. So a restore that reports done is on disk, a restore of many gigabytes
 * neither piles up dirty memory nor evicts the node's services from the page cache, and the cache
 * pages it wrote are reused for the next files instead of fresh ones (docs/snapshots.md, § Restoring).
 * Small files are left to the kernel's writeback (one sync each would cost more than their data).
 * At most {@link #MAX_PENDING_MIB} MiB wait for the thread; a producer beyond that waits.
 */
final class WriteBack implements AutoCloseable {

  /** Files at least this large are synced and released as they complete. */
  static final long LARGE = 1 << 20;
  private static final int MAX_PENDING_MIB = 32;

  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "cairn-restore-sync");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore pending = new Semaphore(MAX_PENDING_MIB);
  private final Consumer<String> errors;

  /** {@code errors} receives "rel: reason" for a file that could not be synced or completed. */
  WriteBack(Consumer<String> errors) {
    this.errors = errors;
  }

  /** Syncs and releases {@code task}'s file on the write-back thread, then completes it. */
  void submit(FileTask task, FileChannel channel) throws InterruptedIOException {
    int permits = (int) Math.min(MAX_PENDING_MIB, Math.max(1, task.node.size() >> 20));
    try {
      pending.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("restore interrupted");
    }
    thread.execute(() -> {
      try {
        sync(task, channel);
        task.complete(channel);
      } catch (IOException | RuntimeException e) {
        errors.accept(task.rel + ": " + e.getMessage());
      } finally {
        pending.release(permits);
      }
    });
  }

  private static void sync(FileTask task, FileChannel channel) throws IOException {
    try {
      channel.force(false);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw new IOException("cannot be synced to disk: " + e.getMessage(), e);
    }
    PageCache.release(task.path);
  }

  /** Waits until every submitted file is synced and completed. */
  void drain() throws InterruptedException {
    pending.acquire(MAX_PENDING_MIB);
    pending.release(MAX_PENDING_MIB);
  }

  /** Lets the thread finish what was submitted, then stops it. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(1, TimeUnit.HOURS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

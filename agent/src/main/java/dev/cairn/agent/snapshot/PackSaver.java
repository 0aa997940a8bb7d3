package dev.cairn.agent.snapshot;

import dev.cairn.agent.backend.Backend;
import dev.cairn.agent.backend.Content;
import dev.cairn.agent.pack.FinishedPack;
import dev.cairn.agent.pack.PackReader;
import dev.cairn.agent.repository.Index;
import dev.cairn.agent.repository.PackDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Saves finished packs to the backend on its own thread (so flushing and uploading overlap with
 * sealing), then adds them to the index. At most four packs wait (files, not memory). Thread-safe.
 */
final class PackSaver {

  private final Backend backend;
  private final Index index;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "cairn-pack-saver");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore pending = new Semaphore(4);
  private final List<PackDescriptor> saved = new ArrayList<>();
  private final AtomicLong bytes = new AtomicLong();
  private volatile IOException failure;

  PackSaver(Backend backend, Index index) {
    this.backend = backend;
    this.index = index;
  }

  /** Queues a pack for saving; blocks while four are waiting. */
  void submit(FinishedPack pack) throws IOException, InterruptedException {
    check();
    pending.acquire();
    thread.execute(() -> {
      try {
        if (failure == null) {
          backend.save(PackReader.handle(pack.descriptor().pack()), new Content.OfFile(pack.file()));
          index.add(pack.descriptor());
          synchronized (saved) {
            saved.add(pack.descriptor());
          }
          bytes.addAndGet(pack.descriptor().size());
        }
      } catch (IOException e) {
        failure = e;
      } finally {
        try {
          Files.deleteIfExists(pack.file());
        } catch (IOException ignored) {
          // a leftover in the staging directory; prune removes it
        }
        pending.release();
      }
    });
  }

  void check() throws IOException {
    if (failure != null) {
      throw failure;
    }
  }

  /** Waits for every queued pack; returns the packs saved. */
  List<PackDescriptor> finish() throws IOException, InterruptedException {
    thread.shutdown();
    thread.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
    check();
    synchronized (saved) {
      return List.copyOf(saved);
    }
  }

  long bytesSaved() {
    return bytes.get();
  }

  void abort() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

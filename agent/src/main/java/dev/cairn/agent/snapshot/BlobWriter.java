package dev.cairn.agent.snapshot;

import dev.cairn.agent.backend.FileType;
import dev.cairn.agent.backend.Handle;
import dev.cairn.agent.chunk.Chunk;
import dev.cairn.agent.pack.PackWriter;
import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.BlobType;
import dev.cairn.agent.repository.Index;
import dev.cairn.agent.repository.PackDescriptor;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryKey;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sealing stage of the write path, on {@code workers} threads: for each chunk compute its
 * keyed id, skip it if the repository (or this run) has it, else compress, seal and append it to
 * the worker's own pack; full packs go to the {@link PackSaver}. Trees are stored on the calling
 * thread into a separate tree pack. {@link #finish()} flushes everything and writes the index file.
 * Thread-safe.
 */
final class BlobWriter implements AutoCloseable {

  private static final Job POISON = new Job(null, null, null);
  /** A batch of small files is queued at this many files or bytes, whichever comes first. */
  static final int BATCH_FILES = 64;
  static final int BATCH_BYTES = 4 << 20;

  private final Repository repository;
  private final RepositoryKey key;
  private final Index index;
  private final long packSize;
  private final BlockingQueue<Job> queue;
  private final List<Thread> workers = new ArrayList<>();
  private final Set<BlobId> seen = ConcurrentHashMap.newKeySet();
  private final PackSaver saver;
  private final Object treeLock = new Object();
  private PackWriter treePack;
  private final BlobCodec.Scratch treeScratch = new BlobCodec.Scratch(1 << 20);
  private volatile Throwable failure;
  private boolean finished;
  private long indexBytes;

  final LongAdder bytesNew = new LongAdder();
  final LongAdder bytesCompressed = new LongAdder();
  final LongAdder blobsNew = new LongAdder();

  /** A chunk to seal, or (with {@code files}) small files to read and seal whole. */
  private record Job(Chunk chunk, CompletableFuture<BlobId> result, List<SmallFileJob> files) {}

  /** One small file of a batch. */
  private record SmallFileJob(Path path, int size, CompletableFuture<SmallFile> file) {}

  /** A small file read and stored by a worker: its single blob (null when empty) and its size. */
  record SmallFile(BlobId blob, int size) {}

  /** {@code typicalChunk}: what each worker's scratch is sized for at first (it grows for larger blobs). */
  BlobWriter(Repository repository, Index index, int workerCount, int typicalChunk) {
    this.repository = repository;
    this.key = repository.key();
    this.index = index;
    this.packSize = repository.config().packSize();
    this.queue = new ArrayBlockingQueue<>(Math.max(16, workerCount * 8));
    this.saver = new PackSaver(repository.backend(), index);
    for (int i = 0; i < workerCount; i++) {
      Thread worker = new Thread(() -> work(typicalChunk), "cairn-seal-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  /** Queues a data chunk; the future completes with its id once it is sealed (or known). */
  CompletableFuture<BlobId> submit(Chunk chunk) throws IOException, InterruptedException {
    checkFailure();
    CompletableFuture<BlobId> result = new CompletableFuture<>();
    queue.put(new Job(chunk, result, null));
    return result;
  }

  /** A batch for the small files of one directory; see {@link SmallFiles}. */
  SmallFiles smallFiles() {
    return new SmallFiles();
  }

  /**
   * Files smaller than a chunk, read whole and sealed by a worker, queued in batches: one queue
   * hand-off per batch instead of per file. With the queue full (sealing is the slow stage), every
   * hand-off woke the blocked scanner for one file, and those context switches cost ~0.4 s of CPU in
   * a snapshot of 25,000 files. Used by one thread; {@link #flush()} before the scanner moves on.
   */
  final class SmallFiles {
    private List<SmallFileJob> pending = new ArrayList<>();
    private long bytes;

    private SmallFiles() {}

    /**
     * Adds a file; its future completes once it is stored, or fails with the {@link IOException}
     * of an unreadable file.
     */
    CompletableFuture<SmallFile> add(Path path, int size) throws IOException, InterruptedException {
      checkFailure();
      CompletableFuture<SmallFile> result = new CompletableFuture<>();
      pending.add(new SmallFileJob(path, size, result));
      bytes += size;
      if (pending.size() >= BATCH_FILES || bytes >= BATCH_BYTES) {
        flush();
      }
      return result;
    }

    /** Queues the files added since the last flush. */
    void flush() throws InterruptedException {
      if (pending.isEmpty()) {
        return;
      }
      List<SmallFileJob> batch = pending;
      pending = new ArrayList<>();
      bytes = 0;
      queue.put(new Job(null, null, batch));
    }
  }

  /** Whether a blob is new to the repository and this run (and claims it if so). */
  private boolean claim(BlobId id) {
    return !index.contains(id) && seen.add(id);
  }

  private void work(int typicalChunk) {
    BlobCodec.Scratch scratch = new BlobCodec.Scratch(typicalChunk);
    PackWriter pack = null;
    try {
      while (true) {
        Job job = queue.take();
        if (job == POISON) {
          break;
        }
        if (job.files() != null) {
          for (SmallFileJob file : job.files()) {
            pack = smallFile(file, pack, scratch);
          }
          continue;
        }
        try {
          if (failure != null) {
            throw new IOException("snapshot aborted", failure);
          }
          Chunk chunk = job.chunk();
          BlobId id = key.id(chunk.buffer(), 0, chunk.length());
          pack = store(id, chunk.buffer(), chunk.length(), pack, scratch);
          job.result().complete(id);
        } catch (Throwable e) {
          fail(e);
          job.result().completeExceptionally(e);
        } finally {
          job.chunk().release();
        }
      }
      if (pack != null && failure == null) {
        saver.submit(pack.finish());
        pack = null;
      }
    } catch (Throwable e) {
      fail(e);
    } finally {
      if (pack != null) {
        pack.abort();
      }
    }
  }

  /** Seals a data blob into the worker's pack unless it is known; returns the pack to go on with. */
  private PackWriter store(BlobId id, byte[] data, int length, PackWriter pack, BlobCodec.Scratch scratch)
      throws IOException, InterruptedException {
    if (!claim(id)) {
      return pack;
    }
    PackWriter target = pack != null ? pack : new PackWriter(repository.stagingDirectory(), key);
    try {
      BlobCodec.Sealed sealed = BlobCodec.seal(key, BlobType.DATA, id, data, length, scratch);
      target.add(BlobType.DATA, sealed.flags(), length, id, scratch.sealed(), 0, sealed.sealedLength());
      count(length, sealed.payloadLength());
      if (target.size() >= packSize) {
        saver.submit(target.finish());
        return null;
      }
      return target;
    } catch (IOException | RuntimeException | InterruptedException e) {
      target.abort();
      throw e;
    }
  }

  private PackWriter smallFile(SmallFileJob job, PackWriter pack, BlobCodec.Scratch scratch) {
    byte[] data = scratch.input(job.size());
    int length;
    try {
      length = SmallFileReader.read(job.path(), data, job.size());
    } catch (IOException unreadable) {
      job.file().completeExceptionally(unreadable);
      return pack;
    }
    try {
      if (failure != null) {
        throw new IOException("snapshot aborted", failure);
      }
      if (length == 0) {
        job.file().complete(new SmallFile(null, 0));
        return pack;
      }
      BlobId id = key.id(data, 0, length);
      PackWriter next = store(id, data, length, pack, scratch);
      job.file().complete(new SmallFile(id, length));
      return next;
    } catch (Throwable e) {
      fail(e);
      job.file().completeExceptionally(new WriteFailedException("writing to the repository failed: " + e, e));
      return pack;
    }
  }

  private void count(int plain, int payload) {
    bytesNew.add(plain);
    bytesCompressed.add(payload);
    blobsNew.increment();
  }

  private void fail(Throwable e) {
    if (failure == null) {
      failure = e;
    }
  }

  private void checkFailure() throws WriteFailedException {
    Throwable e = failure;
    if (e instanceof WriteFailedException w) {
      throw w;
    }
    if (e != null) {
      throw new WriteFailedException("writing to the repository failed: " + e.getMessage(), e);
    }
    try {
      saver.check();
    } catch (IOException saveFailure) {
      throw new WriteFailedException("saving a pack failed: " + saveFailure.getMessage(), saveFailure);
    }
  }

  /** Stores a tree blob (deduplicated) and returns its id. */
  BlobId storeTree(byte[] json) throws IOException, InterruptedException {
    BlobId id = key.id(json, 0, json.length);
    if (!claim(id)) {
      return id;
    }
    synchronized (treeLock) {
      checkFailure();
      if (treePack == null) {
        treePack = new PackWriter(repository.stagingDirectory(), key);
      }
      BlobCodec.Scratch scratch = json.length <= (1 << 20) ? treeScratch : new BlobCodec.Scratch(json.length);
      BlobCodec.Sealed sealed = BlobCodec.seal(key, BlobType.TREE, id, json, json.length, scratch);
      treePack.add(BlobType.TREE, sealed.flags(), json.length, id, scratch.sealed(), 0, sealed.sealedLength());
      blobsNew.increment();
      if (treePack.size() >= packSize) {
        saver.submit(treePack.finish());
        treePack = null;
      }
    }
    return id;
  }

  /** Flushes all packs, waits until they are saved, writes one index file for them. */
  List<PackDescriptor> finish() throws IOException, InterruptedException {
    for (int i = 0; i < workers.size(); i++) {
      queue.put(POISON);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    checkFailure();
    synchronized (treeLock) {
      if (treePack != null) {
        saver.submit(treePack.finish());
        treePack = null;
      }
    }
    List<PackDescriptor> packs = saver.finish();
    if (!packs.isEmpty()) {
      String name = repository.saveIndex(packs);
      index.addFile(name);
      indexBytes = repository.backend().size(new Handle(FileType.INDEX, name));
    }
    finished = true;
    return packs;
  }

  /** Bytes of pack files saved so far. */
  long bytesSaved() {
    return saver.bytesSaved() + indexBytes;
  }

  @Override
  public void close() {
    if (finished) {
      return;
    }
    fail(new InterruptedIOException("aborted"));
    for (Thread worker : workers) {
      worker.interrupt();
    }
    for (Thread worker : workers) {
      try {
        worker.join(10_000); // their pack files are closed and deleted before we return
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (treeLock) {
      if (treePack != null) {
        treePack.abort();
      }
    }
    saver.abort();
  }
}

package dev.cairn.agent.snapshot;

import dev.cairn.agent.chunk.BufferPool;
import dev.cairn.agent.chunk.ChunkReader;
import dev.cairn.agent.chunk.FastCdc;
import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.Index;
import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.RepositoryLock;
import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.repository.SnapshotSummary;
import dev.cairn.agent.repository.Tree;
import dev.cairn.agent.volume.NodeReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Takes a snapshot of one directory into a repository. The steps, in order, are those of
 * {@link #run}; a crash or error at any step leaves no snapshot record and only unreferenced,
 * valid packs (docs/repository-format.md §11).
 */
public final class SnapshotPipeline {

  /** The program version recorded in snapshots. */
  public static final String PROGRAM = "cairn 0.1.0";

  private final Repository repository;
  private final SnapshotOptions options;
  private final SnapshotProgress progress;

  public SnapshotPipeline(Repository repository, SnapshotOptions options, SnapshotProgress progress) {
    this.repository = repository;
    this.options = options;
    this.progress = progress;
  }

  /** Snapshots {@code source} (a directory) and saves the record; returns it with its summary. */
  public SnapshotResult run(Path source) throws IOException, RepositoryException, InterruptedException {
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    Node root = NodeReader.read(source, "");
    if (!root.isDir()) {
      throw new IOException(source + " is not a directory: a snapshot takes a volume's directory");
    }
    try (RepositoryLock lock = repository.lockShared("snapshot " + options.volume())) {
      Index index = repository.loadIndex();
      BlobStore store = new BlobStore(repository, index);
      SnapshotRecord parent = findParent();
      Tree parentTree = readParentTree(store, parent);
      FastCdc cdc = new FastCdc(repository.config().chunker());
      ScanCounters counters = new ScanCounters();
      Node rootNode;
      int bufferSize = ChunkReader.bufferSize(repository.config().chunker());
      try (BlobWriter writer = new BlobWriter(repository, index, options.workers(), bufferSize)) {
        BufferPool pool = new BufferPool(bufferSize, options.workers() * 2 + 2);
        try (TreeScanner scanner = new TreeScanner(store, writer, cdc, pool, counters, progress, options.workers())) {
          rootNode = await(scanner.directory(source, root, parentTree, parentTree == null ? null : parent.tree(), ""));
        }
        writer.finish();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        SnapshotRecord record = record(started, seconds, source, parent, rootNode, counters, writer);
        lock.ensureHeld(); // lost: a prune may have removed data this snapshot uses; no record is saved
        repository.saveSnapshot(record);
        lock.ensureHeldAfterSaving("snapshot " + record.shortId());
        return new SnapshotResult(record);
      }
    }
  }

  private SnapshotRecord findParent() throws IOException, RepositoryException {
    SnapshotRecord parent = null;
    for (SnapshotRecord record : repository.snapshots()) {
      if (record.volume().equals(options.volume()) && record.host().equals(options.host())) {
        parent = record; // oldest first: the last match is the newest
      }
    }
    return parent;
  }

  private static Tree readParentTree(BlobStore store, SnapshotRecord parent) {
    if (parent == null) {
      return null;
    }
    try {
      return store.readTree(parent.tree());
    } catch (IOException | RepositoryException unreadable) {
      return null; // a full read instead of an incremental one
    }
  }

  private SnapshotRecord record(Instant started, double seconds, Path source, SnapshotRecord parent, Node rootNode,
      ScanCounters counters, BlobWriter writer) {
    SnapshotSummary summary = new SnapshotSummary(counters.filesNew.get(), counters.filesChanged.get(),
        counters.filesUnchanged.get(), counters.dirs.get(), counters.errors(), counters.bytesRead.get(),
        counters.bytesTotal.get(), writer.bytesNew.sum(),
        writer.bytesCompressed.sum(), writer.bytesSaved(), writer.blobsNew.sum(), seconds);
    return new SnapshotRecord(SnapshotRecord.VERSION, BlobId.random().hex(), started.toString(), options.host(),
        options.volume(), source.toAbsolutePath().normalize().toString(), options.tags(),
        parent == null ? null : parent.id(), rootNode, counters.errors() > 0, counters.errorList(), summary, PROGRAM, null);
  }

  /** Waits for a pipeline future, unwrapping its failure into the checked exception it was. */
  static <T> T await(java.util.concurrent.CompletableFuture<T> future)
      throws IOException, RepositoryException, InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause();
      while ((cause instanceof CompletionException || cause instanceof UncheckedIOException) && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RepositoryException re) {
        throw re;
      }
      if (cause instanceof InterruptedException ie) {
        throw ie;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause);
    }
  }
}

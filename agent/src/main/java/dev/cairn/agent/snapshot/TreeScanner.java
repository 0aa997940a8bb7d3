package dev.cairn.agent.snapshot;

import dev.cairn.agent.chunk.BufferPool;
import dev.cairn.agent.chunk.Chunk;
import dev.cairn.agent.chunk.ChunkReader;
import dev.cairn.agent.chunk.FastCdc;
import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.Index;
import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.NodeType;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.Tree;
import dev.cairn.agent.repository.TreeCodec;
import dev.cairn.agent.volume.NodeReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Walks the source directory: each directory is a task on a small scan pool (listing, metadata,
 * the parent snapshot's tree), so several directories are scanned at once. Files unchanged since
 * the parent snapshot (size, mtime, ctime, inode) are not read; small files go whole to the
 * {@link BlobWriter}, large ones are chunked on reader threads. A directory's tree is stored once
 * all its children are known. Thread-safe.
 */
final class TreeScanner implements AutoCloseable {

  /**
   * Large files found but not yet chunked. The walk waits only beyond this many, so it goes on
   * into other directories (small files, for the sealing workers) while the reader threads chunk:
   * with the old bound of two per reader, a tree of large files followed by many small ones ran in
   * two phases, and the small-file phase left a core idle. A waiting file costs a queued task, no
   * open file and no buffer.
   */
  static final int PENDING_LARGE_FILES = 256;

  private final BlobStore parentTrees;
  private final Index index;
  private final BlobWriter writer;
  private final FastCdc cdc;
  private final BufferPool pool;
  private final ScanCounters counters;
  private final SnapshotProgress progress;
  private final Map<String, CompletableFuture<Node>> hardLinks = new ConcurrentHashMap<>();
  private final ExecutorService scanPool;
  private final ExecutorService readerPool;
  private final Semaphore pendingLargeFiles;

  TreeScanner(BlobStore parentTrees, BlobWriter writer, FastCdc cdc, BufferPool pool, ScanCounters counters,
      SnapshotProgress progress, int readerThreads) {
    this.parentTrees = parentTrees;
    this.index = parentTrees.index();
    this.writer = writer;
    this.cdc = cdc;
    this.pool = pool;
    this.counters = counters;
    this.progress = progress;
    this.readerPool = Executors.newFixedThreadPool(readerThreads, r -> {
      Thread thread = new Thread(r, "cairn-chunk");
      thread.setDaemon(true);
      return thread;
    });
    this.pendingLargeFiles = new Semaphore(PENDING_LARGE_FILES);
    this.scanPool = Executors.newFixedThreadPool(readerThreads, r -> {
      Thread thread = new Thread(r, "cairn-scan");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Scans a directory on the scan pool; the future yields its node with the stored subtree.
   * {@code parent} is the same directory in the parent snapshot ({@code parentId} its tree id), or null.
   */
  CompletableFuture<Node> directory(Path dir, Node meta, Tree parent, BlobId parentId, String rel) {
    CompletableFuture<List<CompletableFuture<Node>>> listed = new CompletableFuture<>();
    scanPool.execute(() -> {
      try {
        listed.complete(entries(dir, parent, rel));
      } catch (Throwable e) {
        listed.completeExceptionally(e);
      }
    });
    return listed.thenCompose(children -> CompletableFuture.allOf(children.toArray(CompletableFuture[]::new))
        .thenApply(done -> store(meta, children, parent, parentId)));
  }

  private Node store(Node meta, List<CompletableFuture<Node>> children, Tree parent, BlobId parentId) {
    List<Node> nodes = children.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
    if (parent != null && nodes.equals(parent.nodes()) && index.contains(parentId)) {
      return meta.withSubtree(parentId); // unchanged: the same tree, no need to encode and hash it again
    }
    try {
      return meta.withSubtree(writer.storeTree(TreeCodec.encode(Tree.of(nodes))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CompletionException(e);
    }
  }

  /** A subdirectory: an unreadable one is reported and left out (its future yields null). */
  private CompletableFuture<Node> subdirectory(Path dir, Node meta, Node before, String rel) {
    Tree parent = parentTree(before);
    return directory(dir, meta, parent, parent == null ? null : before.subtree(), rel).handle((node, failure) -> {
      if (failure == null) {
        return node;
      }
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      if (cause instanceof IOException && !(cause instanceof WriteFailedException)) {
        error(rel, cause);
        return null;
      }
      throw failure instanceof CompletionException c ? c : new CompletionException(cause);
    });
  }

  /** Lists a directory and starts the work for each entry; the futures yield the nodes. */
  private List<CompletableFuture<Node>> entries(Path dir, Tree parent, String rel)
      throws IOException, InterruptedException {
    counters.dirs.incrementAndGet();
    List<String> names = NodeReader.list(dir);
    Map<String, Node> previous = new HashMap<>();
    if (parent != null) {
      for (Node node : parent.nodes()) {
        previous.put(node.name(), node);
      }
    }
    List<CompletableFuture<Node>> children = new ArrayList<>(names.size());
    BlobWriter.SmallFiles small = writer.smallFiles();
    try {
      startEach(dir, names, previous, rel, small, children);
    } finally {
      small.flush(); // also after a failure: no future is left waiting for a batch never queued
    }
    return children;
  }

  /** Reads each entry's metadata and starts its work, adding the futures to {@code children}. */
  private void startEach(Path dir, List<String> names, Map<String, Node> previous, String rel,
      BlobWriter.SmallFiles small, List<CompletableFuture<Node>> children) throws IOException, InterruptedException {
    for (String name : names) {
      Path path = dir.resolve(name);
      String childRel = rel.isEmpty() ? name : rel + "/" + name;
      try {
        Node node = NodeReader.read(path, name);
        Node before = previous.get(name);
        children.add(switch (node.type()) {
          case DIR -> subdirectory(path, node, before, childRel);
          case FILE -> file(path, node, before, childRel, small);
          default -> CompletableFuture.completedFuture(node);
        });
      } catch (WriteFailedException e) {
        throw e;
      } catch (IOException e) {
        error(childRel, e);
      }
    }
  }

  private Tree parentTree(Node before) {
    if (before == null || before.type() != NodeType.DIR) {
      return null;
    }
    try {
      return parentTrees.readTree(before.subtree());
    } catch (IOException | RepositoryException unreadable) {
      return null; // re-read everything below: slower, still correct
    }
  }

  private CompletableFuture<Node> file(Path path, Node node, Node before, String rel, BlobWriter.SmallFiles small)
      throws IOException, InterruptedException {
    CompletableFuture<Node> mine = null;
    if (node.isHardLinked()) {
      mine = new CompletableFuture<>();
      CompletableFuture<Node> first = hardLinks.putIfAbsent(node.dev() + ":" + node.inode(), mine);
      if (first != null) { // another name of an inode already being stored
        counters.filesUnchanged.incrementAndGet();
        return first.thenApply(f -> f == null ? null : node.withContent(f.content(), f.size()));
      }
    }
    CompletableFuture<Node> result;
    counters.bytesTotal.addAndGet(node.size());
    if (unchanged(node, before)) {
      counters.filesUnchanged.incrementAndGet();
      result = CompletableFuture.completedFuture(node.withContent(before.content(), before.size()));
    } else {
      (before == null ? counters.filesNew : counters.filesChanged).incrementAndGet();
      result = read(path, node, rel, small);
    }
    if (mine != null) {
      CompletableFuture<Node> shared = mine;
      result.whenComplete((done, failure) -> shared.complete(failure == null ? done : null));
    }
    progress.file(counters.files(), counters.bytesRead.get(), rel);
    return result;
  }

  private boolean unchanged(Node node, Node before) {
    if (before == null || before.type() != NodeType.FILE || before.size() != node.size()
        || before.mtime() != node.mtime() || before.ctime() != node.ctime() || before.inode() != node.inode()) {
      return false;
    }
    for (BlobId id : before.blobs()) {
      if (!index.contains(id)) {
        return false; // e.g. the parent's data was damaged and pruned: read the file again
      }
    }
    return true;
  }

  /**
   * Reads a file: a small one is read and sealed by a sealing worker, a large one is chunked on a
   * reader thread. An unreadable file is reported and left out (the future yields null).
   */
  private CompletableFuture<Node> read(Path path, Node node, String rel, BlobWriter.SmallFiles small)
      throws IOException, InterruptedException {
    if (node.size() < cdc.min()) {
      return small.add(path, (int) node.size()).handle((file, failure) -> {
        if (failure != null) {
          Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
          if (cause instanceof WriteFailedException) {
            throw new CompletionException(cause);
          }
          error(rel, cause);
          return null;
        }
        counters.bytesRead.addAndGet(file.size());
        return node.withContent(file.blob() == null ? List.of() : List.of(file.blob()), file.size());
      });
    }
    pendingLargeFiles.acquire();
    CompletableFuture<Node> result = new CompletableFuture<>();
    readerPool.execute(() -> {
      try {
        chunk(path, node, rel).whenComplete((done, failure) -> {
          if (failure != null) {
            result.completeExceptionally(failure);
          } else {
            result.complete(done);
          }
        });
      } catch (Throwable e) {
        result.completeExceptionally(e);
      } finally {
        pendingLargeFiles.release();
      }
    });
    return result;
  }

  /** Chunks a large file on the calling (reader) thread; chunks go to the sealing workers. */
  private CompletableFuture<Node> chunk(Path path, Node node, String rel) throws IOException, InterruptedException {
    List<CompletableFuture<BlobId>> blobs = new ArrayList<>();
    long size = 0;
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      ChunkReader reader = new ChunkReader(cdc, pool, channel);
      try {
        Chunk chunk;
        while ((chunk = reader.next()) != null) {
          size += chunk.length();
          blobs.add(writer.submit(chunk));
        }
      } finally {
        reader.discard();
      }
    } catch (WriteFailedException e) {
      throw e; // the repository side failed (disk full, ...): the whole snapshot fails
    } catch (IOException e) {
      error(rel, e);
      return CompletableFuture.completedFuture(null);
    }
    counters.bytesRead.addAndGet(size);
    long finalSize = size;
    return CompletableFuture.allOf(blobs.toArray(CompletableFuture[]::new))
        .thenApply(done -> node.withContent(blobs.stream().map(CompletableFuture::join).toList(), finalSize));
  }

  @Override
  public void close() {
    scanPool.shutdownNow();
    readerPool.shutdownNow();
    try {
      readerPool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void error(String rel, Throwable e) {
    String message = describe(e);
    counters.error(rel, message);
    progress.error(rel, message);
  }

  static String describe(Throwable e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "vanished while being read";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}

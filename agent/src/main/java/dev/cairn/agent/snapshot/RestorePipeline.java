package dev.cairn.agent.snapshot;

import dev.cairn.agent.chunk.ChunkReader;
import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.BlobLocation;
import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.RepositoryLock;
import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.repository.Tree;
import dev.cairn.agent.volume.RestoreTarget;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Restores a snapshot into a directory: the snapshotted directory's contents land in it,
 * bit-exact, with modes, owners (as root), times, symlinks, hard links and holes. The mirror of
 * {@link SnapshotPipeline}: walk the trees and create directories, links and empty files; plan
 * which file positions each pack feeds, in batches that the workers restore pack by pack in
 * parallel while the walk plans the next (large files are synced to disk as they complete,
 * {@link WriteBack}); then hard links; then directory metadata, deepest first.
 */
public final class RestorePipeline {

  /**
   * Blob references per batch. Each batch is handed to the workers as soon as it is planned, and
   * the walk goes on planning the next, so reading the trees overlaps restoring the packs.
   */
  private static final int BATCH = 4_096;
  /** Batches handed over but not finished; beyond this the walk waits (bounds the plan's memory). */
  private static final int MAX_IN_FLIGHT = 16;

  private final Repository repository;
  private final RestoreOptions options;
  private final RestoreProgress progress;
  private final List<PathMatcher> includes = new ArrayList<>();

  private BlobStore store;
  private RestoreTarget target;
  private final List<String> damaged = Collections.synchronizedList(new ArrayList<>());
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private final List<Dir> dirs = new ArrayList<>();
  private final Map<String, Path> inodes = new HashMap<>();
  private final List<Path[]> links = new ArrayList<>();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong filesDone = new AtomicLong();
  private Map<String, List<PackRestorer.Target>> plan = new HashMap<>();
  private List<FileTask> planned = new ArrayList<>();
  private int plannedBlobs;
  private final Deque<Batch> inFlight = new ArrayDeque<>();
  private long files;
  private ExecutorService pool;
  private WriteBack writeBack;
  private ThreadLocal<PackRestorer> restorers;

  /** A planned batch being restored: the workers' tasks and the files it completes. */
  private record Batch(List<Future<?>> packs, List<FileTask> files) {}

  /** A directory on the walk: created lazily when something below it is selected. */
  private static final class Dir {
    final Path path;
    final Node node;
    final Dir parent;
    boolean created;

    Dir(Path path, Node node, Dir parent, boolean created) {
      this.path = path;
      this.node = node;
      this.parent = parent;
      this.created = created;
    }
  }

  public RestorePipeline(Repository repository, RestoreOptions options, RestoreProgress progress) {
    this.repository = repository;
    this.options = options;
    this.progress = progress;
    for (String glob : options.includes()) {
      includes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
  }

  /** Restores {@code snapshot} into {@code directory} (created when missing). */
  @SuppressWarnings("try") // the lock is held for the scope, never referenced
  public RestoreResult run(SnapshotRecord snapshot, Path directory)
      throws IOException, RepositoryException, InterruptedException {
    long start = System.nanoTime();
    try (RepositoryLock lock = repository.lockShared("restore " + snapshot.shortId())) {
      store = new BlobStore(repository, repository.loadIndex());
      target = RestoreTarget.open(directory);
      int typicalChunk = ChunkReader.bufferSize(repository.config().chunker());
      restorers = ThreadLocal.withInitial(() -> new PackRestorer(repository.backend(), repository.key(), typicalChunk,
          bytes, errors::add));
      pool = Executors.newFixedThreadPool(options.workers(), r -> {
        Thread t = new Thread(r, "cairn-restore");
        t.setDaemon(true);
        return t;
      });
      writeBack = options.sync() ? new WriteBack(errors::add) : null;
      try {
        Dir root = new Dir(target.root(), snapshot.root(), null, true);
        walk(snapshot.tree(), root, "", includes.isEmpty());
        execute();
        finishBatches(0);
        if (writeBack != null) {
          writeBack.drain();
        }
      } finally {
        pool.shutdownNow();
        if (writeBack != null) {
          writeBack.close();
        }
      }
      for (Path[] link : links) {
        try {
          target.hardLink(link[0], link[1]);
        } catch (IOException e) {
          errors.add(target.root().relativize(link[0]) + ": hard link: " + e.getMessage());
        }
      }
      for (int i = dirs.size() - 1; i >= 0; i--) {
        apply(dirs.get(i).path, dirs.get(i).node);
      }
      if (target.createdRoot()) {
        apply(target.root(), snapshot.root());
      }
      return new RestoreResult(files, dirs.size(), links.size(), bytes.get(), damaged, errors,
          (System.nanoTime() - start) / 1e9);
    }
  }

  private void walk(BlobId treeId, Dir dir, String rel, boolean inherited) throws IOException, InterruptedException {
    Tree tree;
    try {
      tree = store.readTree(treeId);
    } catch (RepositoryException | IOException e) {
      damaged.add((rel.isEmpty() ? "." : rel) + "/ (directory listing unreadable: " + e.getMessage() + ")");
      return;
    }
    for (Node node : tree.nodes()) {
      String childRel = rel.isEmpty() ? node.name() : rel + "/" + node.name();
      boolean selected = inherited || matches(childRel);
      try {
        Path path = target.child(dir.path, node.name());
        if (node.isDir()) {
          Dir child = new Dir(path, node, dir, false);
          if (selected) {
            create(child);
          }
          walk(node.subtree(), child, childRel, selected);
        } else if (selected) {
          create(dir);
          restoreNode(path, childRel, node);
        }
      } catch (IOException e) {
        errors.add(childRel + ": " + e.getMessage());
      }
    }
  }

  private boolean matches(String rel) {
    Path path = Path.of(rel);
    for (PathMatcher matcher : includes) {
      if (matcher.matches(path)) {
        return true;
      }
    }
    return false;
  }

  private void create(Dir dir) throws IOException {
    if (dir.created) {
      return;
    }
    create(dir.parent);
    target.directory(dir.path);
    dir.created = true;
    dirs.add(dir);
  }

  private void restoreNode(Path path, String rel, Node node) throws IOException, InterruptedException {
    switch (node.type()) {
      case FILE -> {
        if (node.isHardLinked()) {
          String inode = node.dev() + ":" + node.inode();
          Path first = inodes.putIfAbsent(inode, path);
          if (first != null) {
            links.add(new Path[] {path, first});
            return;
          }
        }
        files++;
        planFile(path, rel, node);
      }
      case SYMLINK -> {
        target.symlink(path, node.target());
        apply(path, node);
      }
      default -> {
        target.special(path, node);
        apply(path, node);
      }
    }
  }

  private void planFile(Path path, String rel, Node node) throws IOException, InterruptedException {
    List<BlobId> blobs = node.blobs();
    FileTask task = new FileTask(target, writeBack, path, rel, node, blobs.size());
    if (blobs.isEmpty()) {
      task.finish();
      filesDone.incrementAndGet();
      return;
    }
    planned.add(task);
    long offset = 0;
    for (int i = 0; i < blobs.size(); i++) {
      BlobId id = blobs.get(i);
      BlobLocation location = store.index().find(id);
      if (location == null) {
        // its length is unknown, so nothing after it can be placed: restore up to here
        for (int rest = i; rest < blobs.size(); rest++) {
          task.damaged("blob " + id.shortHex() + " is in no index");
        }
        break;
      }
      plan.computeIfAbsent(location.pack(), p -> new ArrayList<>())
          .add(new PackRestorer.Target(location.entry(), task, offset));
      offset += location.entry().plainLength();
      plannedBlobs++;
    }
    if (plannedBlobs >= BATCH) { // at a file's end: a batch reports the damage of whole files
      execute();
    }
  }

  /** Hands what is planned to the workers, pack by pack in parallel, and starts a new plan. */
  private void execute() throws IOException, InterruptedException {
    List<Future<?>> running = new ArrayList<>();
    for (Map.Entry<String, List<PackRestorer.Target>> pack : plan.entrySet()) {
      running.add(pool.submit(() -> {
        restorers.get().restore(pack.getKey(), pack.getValue());
        progress.progress(bytes.get(), filesDone.get());
      }));
    }
    inFlight.add(new Batch(running, planned));
    plan = new HashMap<>();
    planned = new ArrayList<>();
    plannedBlobs = 0;
    finishBatches(MAX_IN_FLIGHT);
  }

  /** Waits for the oldest batches until at most {@code left} are in flight; records their damaged files. */
  private void finishBatches(int left) throws IOException, InterruptedException {
    while (inFlight.size() > left) {
      finish(inFlight.poll());
    }
  }

  private void finish(Batch batch) throws IOException, InterruptedException {
    for (Future<?> future : batch.packs()) {
      try {
        future.get();
      } catch (ExecutionException e) {
        throw new IOException("restore failed: " + e.getCause(), e.getCause());
      }
    }
    for (FileTask task : batch.files()) {
      if (task.damage() != null) {
        damaged.add(task.rel + " (" + task.damage() + ")");
      }
    }
    filesDone.addAndGet(batch.files().size());
    progress.progress(bytes.get(), filesDone.get());
  }

  private void apply(Path path, Node node) {
    try {
      target.metadata(path, node);
    } catch (IOException e) {
      errors.add(target.root().relativize(path) + ": metadata: " + e.getMessage());
    }
  }
}

package dev.cairn.agent.snapshot;

import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.BlobLocation;
import dev.cairn.agent.repository.Index;
import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.PackDescriptor;
import dev.cairn.agent.repository.PackEntry;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.RepositoryLock;
import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.repository.Tree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks a repository. Always: every index file and snapshot record authenticates, every indexed
 * pack exists with its indexed size, every tree of every snapshot reads, and every blob a
 * snapshot needs is indexed. With read-data (all packs or a random fraction): every blob's tag
 * and keyed hash. Names the damaged snapshots and files.
 */
public final class Verifier {

  private final Repository repository;
  private final double readFraction;
  private final int workers;

  /** {@code readFraction}: 0 = structure only, 1 = read all data, in between a random subset of packs. */
  public Verifier(Repository repository, double readFraction, int workers) {
    this.repository = repository;
    this.readFraction = readFraction;
    this.workers = workers;
  }

  @SuppressWarnings("try") // the lock is held for the scope, never referenced
  public VerifyReport run() throws IOException, RepositoryException, InterruptedException {
    long start = System.nanoTime();
    try (RepositoryLock lock = repository.lockShared("verify")) {
      List<String> errors = Collections.synchronizedList(new ArrayList<>());
      List<String> warnings = new ArrayList<>();
      Index index = repository.loadIndex(errors::add);
      List<SnapshotRecord> snapshots = repository.snapshots(errors::add);
      PackListing listing = PackListing.load(repository, index, errors::add);
      Map<BlobId, String> bad = new ConcurrentHashMap<>();
      checkPackFiles(index, listing, bad, errors);
      for (String pack : listing.unindexed.keySet()) {
        warnings.add("data/" + pack + ": in no index (left by an interrupted operation; 'cairn prune' removes it, "
            + "or re-indexes it if a snapshot needs it)");
      }
      AtomicLong bytesRead = new AtomicLong();
      int packsRead = readData(index, listing, bad, errors, bytesRead);
      BlobStore store = new BlobStore(repository, index);
      Map<BlobId, List<String>> memo = new HashMap<>();
      List<DamagedSnapshot> damaged = new ArrayList<>();
      for (SnapshotRecord snapshot : snapshots) {
        List<String> files = damagedUnder(store, snapshot.tree(), bad, listing, memo);
        if (!files.isEmpty()) {
          damaged.add(new DamagedSnapshot(snapshot.id(), snapshot.host(), snapshot.volume(), snapshot.time(), files));
        }
      }
      return new VerifyReport(snapshots.size(), index.files().size(), listing.sizes.size(), index.blobCount(),
          packsRead, bytesRead.get(), errors, warnings, damaged, (System.nanoTime() - start) / 1e9);
    }
  }

  private static void checkPackFiles(Index index, PackListing listing, Map<BlobId, String> bad, List<String> errors) {
    for (PackDescriptor pack : index.packs()) {
      Long actual = listing.sizes.get(pack.pack());
      if (actual == null) {
        errors.add("data/" + pack.pack() + ": missing (the index lists it)");
        for (PackEntry entry : pack.entries()) {
          bad.putIfAbsent(entry.id(), "pack " + BlobCodec.shortName(pack.pack()) + " is missing");
        }
      } else if (actual != pack.size()) {
        errors.add("data/" + pack.pack() + ": " + actual + " bytes, the index says " + pack.size()
            + " (truncated or damaged)");
        for (PackEntry entry : pack.entries()) {
          if ((long) entry.offset() + entry.storedLength() > actual) {
            bad.putIfAbsent(entry.id(), "pack " + BlobCodec.shortName(pack.pack()) + " is truncated");
          }
        }
      }
    }
  }

  private int readData(Index index, PackListing listing, Map<BlobId, String> bad, List<String> errors,
      AtomicLong bytes) throws InterruptedException, IOException {
    if (readFraction <= 0) {
      return 0;
    }
    List<String> packs = new ArrayList<>(listing.sizes.keySet());
    Collections.sort(packs);
    if (readFraction < 1) {
      Collections.shuffle(packs, new Random());
      packs = packs.subList(0, (int) Math.max(1, Math.ceil(packs.size() * readFraction)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    ThreadLocal<PackChecker> checkers = ThreadLocal.withInitial(() -> new PackChecker(repository));
    try {
      List<Future<?>> running = new ArrayList<>();
      for (String pack : packs) {
        running.add(pool.submit(() -> bytes.addAndGet(checkers.get().check(pack, index.pack(pack), bad, errors))));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } catch (ExecutionException e) {
      throw new IOException("reading data failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return packs.size();
  }

  /** The damaged paths (relative to this tree) below a tree, memoized: shared subtrees are checked once. */
  private static List<String> damagedUnder(BlobStore store, BlobId treeId, Map<BlobId, String> bad,
      PackListing listing, Map<BlobId, List<String>> memo) {
    List<String> known = memo.get(treeId);
    if (known != null) {
      return known;
    }
    List<String> damaged = new ArrayList<>();
    String treeProblem = problem(store.index(), treeId, bad, listing);
    Tree tree = null;
    if (treeProblem == null) {
      try {
        tree = store.readTree(treeId);
      } catch (RepositoryException | IOException e) {
        treeProblem = e.getMessage();
      }
    }
    if (tree == null) {
      damaged.add("./ (directory listing " + treeId.shortHex() + ": " + treeProblem + ")");
    } else {
      for (Node node : tree.nodes()) {
        if (node.isDir()) {
          for (String below : damagedUnder(store, node.subtree(), bad, listing, memo)) {
            damaged.add(below.startsWith("./") ? node.name() + below.substring(1) : node.name() + "/" + below);
          }
        } else {
          for (BlobId blob : node.blobs()) {
            String why = problem(store.index(), blob, bad, listing);
            if (why != null) {
              damaged.add(node.name() + " (" + why + ")");
              break;
            }
          }
        }
      }
    }
    List<String> result = List.copyOf(damaged);
    memo.put(treeId, result);
    return result;
  }

  private static String problem(Index index, BlobId blob, Map<BlobId, String> bad, PackListing listing) {
    BlobLocation location = index.find(blob);
    if (location == null) {
      String pack = listing.unindexedBlobs.get(blob);
      return pack == null ? "blob " + blob.shortHex() + " is missing"
          : "blob " + blob.shortHex() + " is in no index but in pack " + BlobCodec.shortName(pack)
              + " ('cairn prune' re-indexes it)";
    }
    return bad.get(blob);
  }
}

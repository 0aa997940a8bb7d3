package dev.cairn.agent.snapshot;

import dev.cairn.agent.pack.FinishedPack;
import dev.cairn.agent.pack.PackReader;
import dev.cairn.agent.pack.PackWriter;
import dev.cairn.agent.backend.Content;
import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.BlobType;
import dev.cairn.agent.repository.CorruptObjectException;
import dev.cairn.agent.repository.Index;
import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.PackDescriptor;
import dev.cairn.agent.repository.PackEntry;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.RepositoryLock;
import dev.cairn.agent.repository.SnapshotRecord;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Frees space (docs/repository-format.md §12): under an exclusive lock, finds the blobs the
 * snapshots use, deletes packs nobody needs, repacks partly used ones by copying the used sealed
 * blobs (authenticated first) into new packs, writes a complete new index, then deletes the old
 * index files and packs. A crash at any step leaves a repository that {@code verify} accepts.
 */
public final class Pruner {

  /** A pack with more unused bytes than this fraction is repacked. */
  public static final double MAX_UNUSED = 0.05;

  private final Repository repository;

  public Pruner(Repository repository) {
    this.repository = repository;
  }

  /** Prunes under its own exclusive lock (fails at once if the repository is in use). */
  public PruneReport run() throws IOException, RepositoryException, InterruptedException {
    try (RepositoryLock lock = repository.lockExclusive("prune")) {
      return pruneLocked(lock);
    }
  }

  /** Prunes; the caller holds the exclusive {@code lock} ({@link Forgetter} with prune). */
  PruneReport pruneLocked(RepositoryLock lock) throws IOException, RepositoryException {
    long start = System.nanoTime();
    // 1. what the snapshots use (stop on any doubt)
    Index index = repository.loadIndex();
    List<SnapshotRecord> snapshots = repository.snapshots();
    List<String> unreadable = new ArrayList<>();
    PackListing listing = PackListing.load(repository, index, unreadable::add);
    Map<String, List<PackEntry>> packs = allPacks(index, listing);
    Index combined = new Index();
    packs.forEach((name, entries) -> combined.add(new PackDescriptor(name, listing.sizes.get(name), entries)));
    Set<BlobId> used = usedBlobs(new BlobStore(repository, combined), snapshots);

    // 2. keep each used blob once: prefer packs that are fully used
    Map<BlobId, String> chosen = new HashMap<>();
    Map<String, Double> fractions = new HashMap<>();
    packs.forEach((pack, entries) -> fractions.put(pack, usedFraction(entries, used)));
    List<String> order = new ArrayList<>(packs.keySet());
    order.sort(Comparator.comparingDouble((String p) -> -fractions.get(p)).thenComparing(p -> p));
    for (String pack : order) {
      for (PackEntry entry : packs.get(pack)) {
        if (used.contains(entry.id())) {
          chosen.putIfAbsent(entry.id(), pack);
        }
      }
    }
    for (BlobId id : used) {
      if (!chosen.containsKey(id)) {
        throw new CorruptObjectException("blob " + id.shortHex() + " is used by a snapshot but stored nowhere: "
            + "run 'cairn verify' to see which snapshots are damaged; nothing was deleted");
      }
    }

    // 3. classify
    List<PackDescriptor> keep = new ArrayList<>();
    List<String> repack = new ArrayList<>();
    List<String> delete = new ArrayList<>();
    long bytesBefore = 0;
    long blobsKept = 0;
    long blobsTotal = 0;
    for (String pack : order) {
      List<PackEntry> entries = packs.get(pack);
      long size = listing.sizes.get(pack);
      bytesBefore += size;
      blobsTotal += entries.size();
      long usedBytes = 0;
      int usedCount = 0;
      for (PackEntry entry : entries) {
        if (pack.equals(chosen.get(entry.id()))) {
          usedBytes += entry.storedLength();
          usedCount++;
        }
      }
      if (usedCount == 0) {
        delete.add(pack);
      } else if (usedCount == entries.size() || (size - usedBytes) <= MAX_UNUSED * size) {
        keep.add(new PackDescriptor(pack, size, entries));
        blobsKept += usedCount;
      } else {
        repack.add(pack);
      }
    }

    // 4. repack, 5. new index
    List<PackDescriptor> written = repack(repack, packs, chosen);
    for (PackDescriptor pack : written) {
      blobsKept += pack.entries().size();
    }
    List<PackDescriptor> newIndex = new ArrayList<>(keep);
    newIndex.addAll(written);
    List<String> oldIndexFiles = index.files();
    int reindexed = (int) keep.stream().filter(p -> index.pack(p.pack()) == null).count();
    boolean changed = !repack.isEmpty() || !delete.isEmpty() || reindexed > 0 || oldIndexFiles.size() > 1;
    lock.ensureHeld(); // lost: another process may be writing snapshots that use these packs; nothing is deleted
    if (changed) {
      repository.saveIndex(newIndex);
      // 6. only now remove what the new index no longer needs
      for (String name : oldIndexFiles) {
        repository.removeIndex(name);
      }
    }
    for (String pack : delete) {
      repository.backend().remove(PackReader.handle(pack));
    }
    for (String pack : repack) {
      repository.backend().remove(PackReader.handle(pack));
    }
    int leftovers = cleanStaging();
    long bytesAfter = newIndex.stream().mapToLong(PackDescriptor::size).sum();
    return new PruneReport(keep.size(), repack.size(), delete.size(), written.size(), reindexed, blobsKept,
        blobsTotal - blobsKept, bytesBefore, bytesAfter, changed ? oldIndexFiles.size() : 0, leftovers,
        (System.nanoTime() - start) / 1e9);
  }

  private static Map<String, List<PackEntry>> allPacks(Index index, PackListing listing) throws CorruptObjectException {
    Map<String, List<PackEntry>> packs = new LinkedHashMap<>();
    for (PackDescriptor pack : index.packs()) {
      Long size = listing.sizes.get(pack.pack());
      if (size == null || size != pack.size()) {
        throw new CorruptObjectException("pack " + pack.pack() + " is " + (size == null ? "missing" : "truncated")
            + ": run 'cairn verify' first; prune changes nothing while indexed data is damaged");
      }
      packs.put(pack.pack(), pack.entries());
    }
    packs.putAll(listing.unindexed);
    return packs;
  }

  private static double usedFraction(List<PackEntry> entries, Set<BlobId> used) {
    long count = entries.stream().filter(e -> used.contains(e.id())).count();
    return entries.isEmpty() ? 0 : (double) count / entries.size();
  }

  private static Set<BlobId> usedBlobs(BlobStore store, List<SnapshotRecord> snapshots)
      throws IOException, RepositoryException {
    Set<BlobId> used = new HashSet<>();
    // Trees walked already, apart from used: a file whose bytes equal a tree's has that tree's id,
    // and must not stop the walk from descending into the tree.
    Set<BlobId> walked = new HashSet<>();
    TreeWalker walker = new TreeWalker(store);
    for (SnapshotRecord snapshot : snapshots) {
      used.add(snapshot.tree());
      if (!walked.add(snapshot.tree())) {
        continue;
      }
      walker.walk(snapshot.tree(), "", new TreeWalker.Visitor() {
        @Override
        public boolean node(String rel, Node node) {
          used.addAll(node.blobs());
          if (!node.isDir()) {
            return true;
          }
          used.add(node.subtree());
          return walked.add(node.subtree());
        }

        @Override
        public void unreadable(String rel, BlobId tree, Exception e) throws RepositoryException {
          throw new CorruptObjectException("snapshot " + snapshot.shortId() + ": directory '" + rel
              + "' cannot be read (" + e.getMessage() + "); nothing was deleted: run 'cairn verify'");
        }
      });
    }
    return used;
  }

  /** Copies the chosen blobs of the packs to repack, sealed bytes unchanged, into new packs. */
  private List<PackDescriptor> repack(List<String> repack, Map<String, List<PackEntry>> packs,
      Map<BlobId, String> chosen) throws IOException, RepositoryException {
    List<PackDescriptor> written = new ArrayList<>();
    Map<BlobType, PackWriter> writers = new HashMap<>();
    try {
      for (String pack : repack) {
        for (PackEntry entry : packs.get(pack)) {
          if (!pack.equals(chosen.get(entry.id()))) {
            continue;
          }
          byte[] sealed = PackReader.readSealed(repository.backend(), pack, entry);
          BlobCodec.open(repository.key(), entry, pack, sealed, 0); // authenticate before trusting it
          PackWriter writer = writers.get(entry.type());
          if (writer == null) {
            writer = new PackWriter(repository.stagingDirectory(), repository.key());
            writers.put(entry.type(), writer);
          }
          writer.add(entry.type(), entry.flags(), entry.plainLength(), entry.id(), sealed, 0, sealed.length);
          if (writer.size() >= repository.config().packSize()) {
            written.add(save(writer.finish()));
            writers.remove(entry.type());
          }
        }
      }
      for (PackWriter writer : writers.values()) {
        written.add(save(writer.finish()));
      }
      writers.clear();
      return written;
    } finally {
      writers.values().forEach(PackWriter::abort);
    }
  }

  private PackDescriptor save(FinishedPack pack) throws IOException {
    repository.backend().save(PackReader.handle(pack.descriptor().pack()), new Content.OfFile(pack.file()));
    Files.deleteIfExists(pack.file());
    return pack.descriptor();
  }

  /** Removes files left in the staging directory by interrupted runs (we hold the exclusive lock). */
  private int cleanStaging() throws IOException {
    Path staging = repository.stagingDirectory();
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
      for (Path file : files) {
        if (Files.isRegularFile(file) && Files.deleteIfExists(file)) {
          removed++;
        }
      }
    }
    return removed;
  }
}

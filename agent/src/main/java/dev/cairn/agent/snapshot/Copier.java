package dev.cairn.agent.snapshot;

import dev.cairn.agent.chunk.Chunk;
import dev.cairn.agent.chunk.ChunkReader;
import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.Index;
import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.RepositoryLock;
import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.repository.Tree;
import dev.cairn.agent.repository.TreeCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies snapshots to another repository without re-chunking: each blob's plaintext is re-keyed
 * (the target's ids and encryption key) and stored only if the target lacks it; trees are
 * rewritten with the target's ids. The snapshot keeps its id, so copying twice is a no-op.
 * Subtrees and blobs already copied (this run or earlier) are not read again.
 */
public final class Copier {

  private final Repository source;
  private final Repository target;
  private final int workers;

  public Copier(Repository source, Repository target, int workers) {
    this.source = source;
    this.target = target;
    this.workers = workers;
  }

  /** Copies the given snapshots (oldest first is best: later ones then find their data). */
  public CopyReport copy(List<SnapshotRecord> snapshots) throws IOException, RepositoryException, InterruptedException {
    long start = System.nanoTime();
    List<String> copied = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    try (RepositoryLock sourceLock = source.lockShared("copy from");
        RepositoryLock targetLock = target.lockShared("copy to")) {
      BlobStore from = new BlobStore(source, source.loadIndex());
      Index targetIndex = target.loadIndex();
      // source id -> target id, trees and file data apart: a file whose bytes equal a tree's shares its
      // source id, but the tree is re-encoded for the target and the file is not
      Map<BlobId, BlobId> trees = new ConcurrentHashMap<>();
      Map<BlobId, BlobId> data = new ConcurrentHashMap<>();
      long blobs;
      long bytes;
      List<SnapshotRecord> records = new ArrayList<>();
      try (BlobWriter writer = new BlobWriter(target, targetIndex, workers,
          ChunkReader.bufferSize(target.config().chunker()))) {
        for (SnapshotRecord snapshot : snapshots) {
          if (target.hasSnapshot(snapshot.id())) {
            skipped.add(snapshot.id());
            continue;
          }
          BlobId tree = copyTree(from, writer, snapshot.tree(), trees, data);
          records.add(snapshot.copiedFrom(source.config().id(), snapshot.root().withSubtree(tree)));
        }
        writer.finish(); // packs, then the index, before any snapshot record
        blobs = writer.blobsNew.sum();
        bytes = writer.bytesSaved();
      }
      targetLock.ensureHeld(); // lost: a prune of the target may have removed data the copies use
      for (SnapshotRecord record : records) {
        target.saveSnapshot(record);
        copied.add(record.id());
      }
      targetLock.ensureHeldAfterSaving("the copies (" + String.join(", ", copied) + ")");
      return new CopyReport(copied, skipped, blobs, bytes, (System.nanoTime() - start) / 1e9);
    }
  }

  private BlobId copyTree(BlobStore from, BlobWriter writer, BlobId treeId, Map<BlobId, BlobId> trees,
      Map<BlobId, BlobId> data) throws IOException, RepositoryException, InterruptedException {
    BlobId known = trees.get(treeId);
    if (known != null) {
      return known;
    }
    Tree tree = from.readTree(treeId);
    List<Node> nodes = new ArrayList<>(tree.nodes().size());
    List<CompletableFuture<List<BlobId>>> contents = new ArrayList<>();
    for (Node node : tree.nodes()) {
      if (node.isDir()) {
        nodes.add(node.withSubtree(copyTree(from, writer, node.subtree(), trees, data)));
        contents.add(null);
      } else {
        nodes.add(node);
        contents.add(node.content() == null ? null : copyContent(from, writer, node.blobs(), data));
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      if (contents.get(i) != null) {
        nodes.set(i, nodes.get(i).withContent(SnapshotPipeline.await(contents.get(i))));
      }
    }
    BlobId copy = writer.storeTree(TreeCodec.encode(Tree.of(nodes)));
    trees.put(treeId, copy);
    return copy;
  }

  private CompletableFuture<List<BlobId>> copyContent(BlobStore from, BlobWriter writer, List<BlobId> blobs,
      Map<BlobId, BlobId> data) throws IOException, RepositoryException, InterruptedException {
    List<CompletableFuture<BlobId>> ids = new ArrayList<>();
    for (BlobId blob : blobs) {
      BlobId known = data.get(blob);
      if (known != null) {
        ids.add(CompletableFuture.completedFuture(known));
        continue;
      }
      CompletableFuture<BlobId> id = writer.submit(Chunk.of(from.read(blob)));
      id.thenAccept(copy -> data.put(blob, copy));
      ids.add(id);
    }
    return CompletableFuture.allOf(ids.toArray(CompletableFuture[]::new))
        .thenApply(done -> ids.stream().map(CompletableFuture::join).toList());
  }
}

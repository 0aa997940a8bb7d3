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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Walks the source directory depth-first on one thread: reads metadata, skips files unchanged
 * since the parent snapshot (size, mtime, ctime, inode), reads and chunks the others and hands
 * chunks to the {@link BlobWriter}. A directory's tree is stored once all its children are known.
 * Not thread-safe (one scanning thread).
 */
final class TreeScanner {

  private final BlobStore parentTrees;
  private final Index index;
  private final BlobWriter writer;
  private final FastCdc cdc;
  private final BufferPool pool;
  private final ScanCounters counters;
  private final SnapshotProgress progress;
  private final Map<String, CompletableFuture<Node>> hardLinks = new HashMap<>();

  TreeScanner(BlobStore parentTrees, BlobWriter writer, FastCdc cdc, BufferPool pool, ScanCounters counters,
      SnapshotProgress progress) {
    this.parentTrees = parentTrees;
    this.index = parentTrees.index();
    this.writer = writer;
    this.cdc = cdc;
    this.pool = pool;
    this.counters = counters;
    this.progress = progress;
  }

  /** Scans a directory; the future yields its node with the stored subtree. */
  CompletableFuture<Node> directory(Path dir, Node meta, Tree parent, String rel)
      throws IOException, InterruptedException {
    counters.dirs++;
    List<String> names = NodeReader.list(dir);
    Map<String, Node> previous = new HashMap<>();
    if (parent != null) {
      for (Node node : parent.nodes()) {
        previous.put(node.name(), node);
      }
    }
    List<CompletableFuture<Node>> children = new ArrayList<>(names.size());
    for (String name : names) {
      Path path = dir.resolve(name);
      String childRel = rel.isEmpty() ? name : rel + "/" + name;
      try {
        Node node = NodeReader.read(path, name);
        Node before = previous.get(name);
        children.add(switch (node.type()) {
          case DIR -> directory(path, node, parentTree(before), childRel);
          case FILE -> file(path, node, before, childRel);
          default -> CompletableFuture.completedFuture(node);
        });
      } catch (IOException e) {
        error(childRel, e);
      }
    }
    return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new)).thenApply(done -> {
      List<Node> nodes = children.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
      try {
        return meta.withSubtree(writer.storeTree(TreeCodec.encode(Tree.of(nodes))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CompletionException(e);
      }
    });
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

  private CompletableFuture<Node> file(Path path, Node node, Node before, String rel)
      throws IOException, InterruptedException {
    String inodeKey = node.isHardLinked() ? node.dev() + ":" + node.inode() : null;
    if (inodeKey != null && hardLinks.containsKey(inodeKey)) {
      counters.filesUnchanged++;
      return hardLinks.get(inodeKey).thenApply(first -> first == null ? null
          : node.withContent(first.content(), first.size()));
    }
    CompletableFuture<Node> result;
    counters.bytesTotal += node.size();
    if (unchanged(node, before)) {
      counters.filesUnchanged++;
      result = CompletableFuture.completedFuture(node.withContent(before.content(), before.size()));
    } else {
      if (before == null) {
        counters.filesNew++;
      } else {
        counters.filesChanged++;
      }
      result = read(path, node, rel);
    }
    if (inodeKey != null) {
      hardLinks.put(inodeKey, result);
    }
    progress.file(counters.files(), counters.bytesRead, rel);
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

  /** Reads and chunks a file; an unreadable file is reported and left out (the future yields null). */
  private CompletableFuture<Node> read(Path path, Node node, String rel) throws IOException, InterruptedException {
    List<CompletableFuture<BlobId>> blobs = new ArrayList<>();
    long size = 0;
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      if (node.size() < cdc.min()) {
        byte[] data = readSmall(channel, (int) node.size());
        size = data.length;
        if (data.length > 0) {
          blobs.add(writer.submit(Chunk.of(data)));
        }
      } else {
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
      }
    } catch (WriteFailedException e) {
      throw e; // the repository side failed (disk full, ...): the whole snapshot fails
    } catch (IOException e) {
      error(rel, e);
      return CompletableFuture.completedFuture(null);
    }
    counters.bytesRead += size;
    long finalSize = size;
    return CompletableFuture.allOf(blobs.toArray(CompletableFuture[]::new))
        .thenApply(done -> node.withContent(blobs.stream().map(CompletableFuture::join).toList(), finalSize));
  }

  private static byte[] readSmall(FileChannel channel, int size) throws IOException {
    byte[] data = new byte[size];
    ByteBuffer buffer = ByteBuffer.wrap(data);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        return java.util.Arrays.copyOf(data, buffer.position()); // shrank while reading
      }
    }
    return data;
  }

  private void error(String rel, IOException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    counters.error(rel, message);
    progress.error(rel, message);
  }
}

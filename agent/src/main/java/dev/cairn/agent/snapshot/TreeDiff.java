package dev.cairn.agent.snapshot;

import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.Tree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Compares two snapshot trees; identical subtrees (same id) are skipped without reading them. */
public final class TreeDiff {

  private final BlobStore store;

  public TreeDiff(BlobStore store) {
    this.store = store;
  }

  public List<DiffEntry> diff(BlobId before, BlobId after) throws IOException, RepositoryException {
    List<DiffEntry> entries = new ArrayList<>();
    diff(before, after, "", entries);
    return entries;
  }

  private void diff(BlobId before, BlobId after, String rel, List<DiffEntry> out) throws IOException, RepositoryException {
    if (Objects.equals(before, after)) {
      return;
    }
    Map<String, Node> old = byName(before == null ? null : store.readTree(before));
    Map<String, Node> now = byName(after == null ? null : store.readTree(after));
    TreeMap<String, Boolean> names = new TreeMap<>();
    old.keySet().forEach(n -> names.put(n, true));
    now.keySet().forEach(n -> names.put(n, true));
    for (String name : names.keySet()) {
      String path = rel.isEmpty() ? name : rel + "/" + name;
      Node a = old.get(name);
      Node b = now.get(name);
      if (a == null) {
        add(out, '+', b, path);
        if (b.isDir()) {
          diff(null, b.subtree(), path, out);
        }
      } else if (b == null) {
        add(out, '-', a, path);
        if (a.isDir()) {
          diff(a.subtree(), null, path, out);
        }
      } else if (a.type() != b.type()) {
        add(out, 'T', b, path);
      } else if (a.isDir()) {
        if (metadataDiffers(a, b)) {
          add(out, 'U', b, path);
        }
        diff(a.subtree(), b.subtree(), path, out);
      } else if (!a.blobs().equals(b.blobs()) || a.size() != b.size() || !Objects.equals(a.target(), b.target())) {
        add(out, 'M', b, path);
      } else if (metadataDiffers(a, b)) {
        add(out, 'U', b, path);
      }
    }
  }

  private static void add(List<DiffEntry> out, char change, Node node, String path) {
    out.add(new DiffEntry(change, node.isDir() ? path + "/" : path));
  }

  private static boolean metadataDiffers(Node a, Node b) {
    return a.mode() != b.mode() || a.uid() != b.uid() || a.gid() != b.gid() || a.mtime() != b.mtime();
  }

  private static Map<String, Node> byName(Tree tree) {
    Map<String, Node> map = new TreeMap<>();
    if (tree != null) {
      for (Node node : tree.nodes()) {
        map.put(node.name(), node);
      }
    }
    return map;
  }
}

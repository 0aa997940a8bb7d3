package dev.cairn.agent.snapshot;

import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.Tree;
import java.io.IOException;

/** Depth-first walk over a snapshot's trees, visiting every node with its path. */
final class TreeWalker {

  /** What the walk reports. */
  interface Visitor {
    /** A node at {@code rel} (path inside the snapshot). Return false to skip a directory's contents. */
    boolean node(String rel, Node node) throws IOException, RepositoryException;

    /** A tree that cannot be read; the walk goes on elsewhere. */
    default void unreadable(String rel, BlobId tree, Exception e) throws RepositoryException {}
  }

  private final BlobStore store;

  TreeWalker(BlobStore store) {
    this.store = store;
  }

  void walk(BlobId tree, String rel, Visitor visitor) throws IOException, RepositoryException {
    Tree listing;
    try {
      listing = store.readTree(tree);
    } catch (RepositoryException | IOException e) {
      visitor.unreadable(rel, tree, e);
      return;
    }
    for (Node node : listing.nodes()) {
      String path = rel.isEmpty() ? node.name() : rel + "/" + node.name();
      if (visitor.node(path, node) && node.isDir()) {
        walk(node.subtree(), path, visitor);
      }
    }
  }
}

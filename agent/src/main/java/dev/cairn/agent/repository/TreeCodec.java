package dev.cairn.agent.repository;

import java.util.HashSet;
import java.util.Set;

/**
 * Encodes and decodes tree blobs (UTF-8 JSON). Decoding validates every name, so a damaged or
 * hostile tree cannot make a restore write outside its target directory.
 */
public final class TreeCodec {

  private TreeCodec() {}

  public static byte[] encode(Tree tree) {
    return JsonCodec.encode(tree);
  }

  public static Tree decode(byte[] json, String what) throws CorruptObjectException {
    Tree tree = JsonCodec.decode(json, Tree.class, what);
    if (tree.version() != Tree.VERSION) {
      throw new CorruptObjectException(what + " has unknown tree version " + tree.version());
    }
    Set<String> names = new HashSet<>();
    for (Node node : tree.nodes()) {
      if (!isSafeName(node.name())) {
        throw new CorruptObjectException(what + " contains an unsafe name '" + node.name() + "'");
      }
      if (!names.add(node.name())) {
        throw new CorruptObjectException(what + " lists '" + node.name() + "' twice");
      }
      if (node.type() == null || (node.isDir() && node.subtree() == null)) {
        throw new CorruptObjectException(what + ": node '" + node.name() + "' lacks its type or subtree");
      }
    }
    return tree;
  }

  /** A single path component that cannot climb or hide: not empty, {@code .}, {@code ..}, no / or NUL. */
  public static boolean isSafeName(String name) {
    return name != null && !name.isEmpty() && !name.equals(".") && !name.equals("..")
        && name.indexOf('/') < 0 && name.indexOf('\0') < 0;
  }
}

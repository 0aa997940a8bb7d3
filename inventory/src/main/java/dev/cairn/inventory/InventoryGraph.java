package dev.cairn.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * The group tree, drawn as {@code ansible-inventory --graph} draws it: {@code @group:} lines with
 * child groups first, then the group's own hosts ({@code all} shows none of its own), indented
 * with {@code "  |"} per level.
 */
public final class InventoryGraph {

  private InventoryGraph() {}

  /** A node of the tree: a group with its child groups and its own hosts. */
  public record Node(String group, List<Node> children, List<String> hosts) {
    public Node {
      children = List.copyOf(children);
      hosts = List.copyOf(hosts);
    }
  }

  /** The tree under {@code group}. */
  public static Node tree(Inventory inventory, String group) throws InventoryException {
    Group g =
        inventory
            .group(group)
            .orElseThrow(
                () -> new InventoryException("'" + group + "' is not a group of the inventory"));
    List<Node> children = new ArrayList<>();
    for (String child : g.children()) {
      children.add(tree(inventory, child));
    }
    return new Node(g.name(), children, g.name().equals("all") ? List.of() : g.hosts());
  }

  /** The drawing of the tree under {@code group}, one line per element. */
  public static List<String> lines(Inventory inventory, String group) throws InventoryException {
    List<String> lines = new ArrayList<>();
    draw(tree(inventory, group), 0, lines);
    return lines;
  }

  private static void draw(Node node, int depth, List<String> lines) {
    lines.add(indent("@" + node.group() + ":", depth));
    for (Node child : node.children()) {
      draw(child, depth + 1, lines);
    }
    for (String host : node.hosts()) {
      lines.add(indent(host, depth + 1));
    }
  }

  private static String indent(String name, int depth) {
    return depth == 0 ? name : "  |".repeat(depth) + "--" + name;
  }
}

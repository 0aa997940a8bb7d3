package dev.cairn.agent.repository;

import java.util.List;

/** A directory listing, stored as a tree blob: nodes sorted by name. Immutable. */
public record Tree(int version, List<Node> nodes) {

  public static final int VERSION = 1;

  public Tree {
    nodes = List.copyOf(nodes);
  }

  public static Tree of(List<Node> nodes) {
    return new Tree(VERSION, nodes);
  }
}

package dev.cairn.inventory.desired;

import dev.cairn.inventory.Origin;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while resolving one host, so that all are reported at once. */
final class Problems {

  private final List<String> problems = new ArrayList<>();

  void add(Origin origin, String path, String problem) {
    problems.add((origin == null ? "" : origin + ": ") + path + ": " + problem);
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<String> list() {
    return List.copyOf(problems);
  }
}

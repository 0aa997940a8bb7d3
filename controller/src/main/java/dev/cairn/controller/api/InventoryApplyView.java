package dev.cairn.controller.api;

import java.util.List;

/**
 * The result of applying an inventory version: the desired-state version the change took, the
 * nodes whose desired state changed (pushed to those connected), and the nodes orphaned or
 * flagged by it.
 */
public record InventoryApplyView(
    long version, long desiredVersion, List<String> changed, List<String> orphaned,
    List<String> flagged) {

  public InventoryApplyView {
    changed = List.copyOf(changed);
    orphaned = List.copyOf(orphaned);
    flagged = List.copyOf(flagged);
  }
}

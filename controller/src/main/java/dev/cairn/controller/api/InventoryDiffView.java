package dev.cairn.controller.api;

import dev.cairn.inventory.InventoryDiff;
import java.util.List;

/**
 * How inventory version {@code to} differs from {@code from}: hosts, groups and variables ({@code
 * inventory}), and the inventory-derived desired state of each host present in both ({@code
 * desired}, without group or node documents).
 */
public record InventoryDiffView(
    long from, long to, InventoryDiff inventory, List<HostDesiredChange> desired) {

  public InventoryDiffView {
    desired = List.copyOf(desired);
  }

  /** The changed desired-state values of one host. */
  public record HostDesiredChange(String host, List<InventoryPreview.Change> changes) {
    public HostDesiredChange {
      changes = List.copyOf(changes);
    }
  }
}

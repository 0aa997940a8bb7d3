package dev.cairn.controller.inventory;

import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.pattern.PatternScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a fleet run's host pattern is evaluated against: the applied inventory's groups and hosts,
 * plus the controller's nodes the inventory does not list, which belong to {@code all} only (so
 * {@code all}, {@code *}, their names, wildcards and regexes match them; groups never do).
 * Without an inventory, every node is in {@code all} only. Immutable.
 */
public final class FleetScope implements PatternScope {
  private final Inventory inventory;
  private final List<String> extra;
  private final Set<String> extraSet;

  /** {@code inventory} may be null; {@code nodes} are the controller's nodes in name order. */
  public FleetScope(Inventory inventory, List<String> nodes) {
    this.inventory = inventory;
    List<String> outside = new ArrayList<>();
    for (String node : nodes) {
      if (inventory == null || !inventory.hasHost(node)) {
        outside.add(node);
      }
    }
    this.extra = List.copyOf(outside);
    this.extraSet = Set.copyOf(outside);
  }

  @Override
  public List<String> groupNames() {
    return inventory == null ? List.of("all", "ungrouped") : inventory.groupNames();
  }

  @Override
  public List<String> hostNames() {
    List<String> names = new ArrayList<>(inventory == null ? List.of() : inventory.hostNames());
    names.addAll(extra);
    return names;
  }

  @Override
  public boolean hasHost(String name) {
    return extraSet.contains(name) || inventory != null && inventory.hasHost(name);
  }

  @Override
  public List<String> hostsOf(String group) {
    List<String> hosts = new ArrayList<>(inventory == null ? List.of() : inventory.hostsOf(group));
    if (group.equals("all")) {
      hosts.addAll(extra);
    }
    return List.copyOf(new LinkedHashSet<>(hosts));
  }
}

package dev.cairn.controller.inventory;

import dev.cairn.controller.error.InvalidInventoryException;
import dev.cairn.inventory.Group;
import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.InventoryException;
import dev.cairn.inventory.NoSuchHostException;
import dev.cairn.inventory.desired.DesiredState;
import dev.cairn.inventory.desired.DesiredStateException;
import dev.cairn.inventory.desired.DesiredStateResolver;
import dev.cairn.inventory.source.InventoryLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An inventory loaded and resolved: every host's desired state, every warning, and each host's
 * groups in the order their desired-state documents layer. Either all of it is valid or {@link
 * #load} fails with every problem ({@code file:line: ...}, paths as uploaded). Immutable.
 */
public record LoadedInventory(
    Inventory inventory, Map<String, DesiredState> states, List<String> warnings) {

  public LoadedInventory {
    states = Map.copyOf(states);
    warnings = List.copyOf(warnings);
  }

  /** Loads what {@code files} hold; nothing is kept on failure. */
  public static LoadedInventory load(InventoryFiles files)
      throws InvalidInventoryException, IOException {
    Inventory inventory;
    Map<String, DesiredState> states;
    try {
      inventory = InventoryLoader.load(files.sourcePath());
      states = DesiredStateResolver.resolveAll(inventory);
    } catch (DesiredStateException e) {
      throw new InvalidInventoryException("The inventory gives " + e.problems().size()
          + " invalid desired-state value(s); nothing was changed",
          e.problems().stream().map(files::relativize).toList());
    } catch (InventoryException e) {
      throw new InvalidInventoryException("The inventory cannot be read; nothing was changed",
          List.of(files.relativize(e.getMessage())));
    }
    return new LoadedInventory(inventory, states,
        inventory.warnings().stream().map(files::relativize).toList());
  }

  /** Hosts in inventory order. */
  public List<String> hosts() {
    return inventory.hostsOf("all");
  }

  /**
   * The host's groups in layering order: {@code all} first, then by depth below {@code all},
   * {@code ansible_group_priority} and name (the order Ansible merges group variables in), so
   * that a child group's document overrides its parent's.
   */
  public List<String> groupsOf(String host) throws NoSuchHostException {
    List<Group> groups = new ArrayList<>();
    for (String name : inventory.groupNames(host)) {
      inventory.group(name).ifPresent(groups::add);
    }
    groups.sort(Comparator.comparingInt(Group::depth).thenComparingInt(Group::priority)
        .thenComparing(Group::name));
    List<String> ordered = new ArrayList<>(List.of("all"));
    groups.forEach(g -> ordered.add(g.name()));
    return List.copyOf(ordered);
  }
}

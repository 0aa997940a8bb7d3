package dev.cairn.agent.layout;

import dev.cairn.inventory.Group;
import dev.cairn.inventory.Host;
import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.NoSuchHostException;
import dev.cairn.inventory.Origin;
import dev.cairn.inventory.Variables;
import dev.cairn.inventory.desired.DesiredState;
import dev.cairn.inventory.desired.DesiredStateException;
import dev.cairn.inventory.desired.DesiredStateResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The inventory's desired state of a node given only {@code cairn_*} variables (a catalogue file,
 * or none for the seed's defaults): resolved by {@link DesiredStateResolver} as the variables of
 * the one host of an otherwise empty inventory, so every default and every check of the inventory
 * model applies unchanged. Stateless.
 */
final class LocalDesiredState {

  /** Host name the node is resolved under; not used further. */
  static final String NODE = "local";

  private LocalDesiredState() {}

  /** The desired state of a node whose only variables are {@code vars}. */
  static DesiredState resolve(Variables vars) throws DesiredStateException {
    Origin origin = new Origin("catalogue", 0);
    Group all = new Group("all", List.of("ungrouped"), List.of(), Variables.EMPTY, Variables.EMPTY, 1, 0, origin);
    Group ungrouped = new Group("ungrouped", List.of(), List.of(NODE), Variables.EMPTY, Variables.EMPTY, 1, 1,
        origin);
    Host host = new Host(NODE, List.of("ungrouped"), Variables.EMPTY, vars, origin);
    Inventory inventory = Inventory.of(List.of(origin.file()), List.of(all, ungrouped), List.of(host), List.of());
    try {
      return DesiredStateResolver.resolve(inventory, NODE);
    } catch (NoSuchHostException e) {
      throw new IllegalStateException("the one host of a local inventory is missing", e);
    }
  }

  /** The seed's desired state (default catalogue, policies, thresholds) under {@code base}. */
  static DesiredState defaults(Path base) {
    try {
      return resolve(new Variables(Map.of("cairn_base_dir", base.toString()),
          Map.of("cairn_base_dir", new Origin("--base", 0))));
    } catch (DesiredStateException e) {
      throw new IllegalArgumentException("no default catalogue under " + base + ": " + e.getMessage(), e);
    }
  }
}

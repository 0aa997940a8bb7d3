package dev.cairn.cli.inventory;

import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.InventoryException;
import dev.cairn.inventory.InventoryGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn inventory graph -i PATH [GROUP]}: like {@code ansible-inventory --graph}. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Print the group tree (as 'ansible-inventory -i PATH --graph [GROUP]').")
final class InventoryGraphCommand extends InventorySubcommand {

  @Parameters(paramLabel = "GROUP", defaultValue = "all", arity = "0..1",
      description = "Group to start at (default: ${DEFAULT-VALUE}).")
  String group;

  @Override
  int run(Inventory inventory) throws InventoryException {
    if (json) {
      printJson(InventoryGraph.tree(inventory, group));
    } else {
      InventoryGraph.lines(inventory, group).forEach(out()::println);
    }
    return 0;
  }
}

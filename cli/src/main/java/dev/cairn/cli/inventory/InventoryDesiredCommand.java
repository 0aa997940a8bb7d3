package dev.cairn.cli.inventory;

import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.InventoryException;
import dev.cairn.inventory.desired.DesiredStateCodec;
import dev.cairn.inventory.desired.DesiredStateResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn inventory desired -i PATH HOST}: the node's resolved desired state. */
@Command(
    name = "desired",
    mixinStandardHelpOptions = true,
    description = "Print the desired state a host's cairn_* variables resolve to, as JSON"
        + " (the document the controller sends to the node's agent).")
final class InventoryDesiredCommand extends InventorySubcommand {

  @Parameters(paramLabel = "HOST", description = "Inventory host name.")
  String host;

  @Override
  int run(Inventory inventory) throws InventoryException {
    out().println(DesiredStateCodec.toJson(DesiredStateResolver.resolve(inventory, host)));
    return 0;
  }
}

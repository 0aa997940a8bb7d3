package dev.cairn.cli.inventory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cairn inventory}: reads Ansible inventories as Ansible does. */
@Command(
    name = "inventory",
    mixinStandardHelpOptions = true,
    description = "Read an Ansible inventory: select hosts with patterns, show merged variables,"
        + " the group tree and each node's desired state (see docs/inventory.md).",
    subcommands = {
      InventoryHostsCommand.class,
      InventoryVarsCommand.class,
      InventoryGraphCommand.class,
      InventoryDesiredCommand.class,
      InventoryCheckCommand.class
    })
public final class InventoryCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing subcommand: see 'cairn inventory --help'.");
  }
}

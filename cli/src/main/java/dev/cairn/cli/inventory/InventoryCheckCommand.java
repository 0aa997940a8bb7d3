package dev.cairn.cli.inventory;

import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.InventoryException;
import dev.cairn.inventory.desired.DesiredStateException;
import dev.cairn.inventory.desired.DesiredStateResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code cairn inventory check -i PATH}: what the controller checks before accepting it. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Load the inventory and resolve every host's desired state; print every"
        + " problem with its file and line. Exit status 1 if there is any.")
final class InventoryCheckCommand extends InventorySubcommand {

  @Override
  int run(Inventory inventory) {
    List<String> problems = List.of();
    try {
      DesiredStateResolver.resolveAll(inventory);
    } catch (DesiredStateException e) {
      problems = e.problems();
    } catch (InventoryException e) {
      problems = List.of(e.getMessage());
    }
    int hosts = inventory.hostNames().size();
    int groups = inventory.groupNames().size();
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("hosts", hosts);
      report.put("groups", groups);
      report.put("warnings", inventory.warnings());
      report.put("problems", problems);
      printJson(report);
    } else if (problems.isEmpty()) {
      out().println(hosts + " hosts in " + groups + " groups; every host has a valid desired"
          + " state");
    } else {
      problems.forEach(p -> spec.commandLine().getErr().println("error: " + p));
    }
    return problems.isEmpty() ? 0 : 1;
  }
}

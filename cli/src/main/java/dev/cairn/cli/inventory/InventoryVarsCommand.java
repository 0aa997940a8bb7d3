package dev.cairn.cli.inventory;

import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.NoSuchHostException;
import dev.cairn.inventory.Variables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn inventory vars -i PATH HOST}: like {@code ansible-inventory --host HOST}. */
@Command(
    name = "vars",
    mixinStandardHelpOptions = true,
    description = "Print a host's variables merged by Ansible's precedence, as JSON"
        + " (as 'ansible-inventory -i PATH --host HOST').")
final class InventoryVarsCommand extends InventorySubcommand {

  @Parameters(paramLabel = "HOST", description = "Inventory host name.")
  String host;

  @Option(names = "--origins", description = "Print where each variable was set instead"
      + " (file:line).")
  boolean origins;

  @Override
  int run(Inventory inventory) throws NoSuchHostException {
    Variables vars = inventory.variables(host);
    if (origins) {
      Map<String, String> where = new TreeMap<>();
      vars.origins().forEach((k, v) -> where.put(k, v.toString()));
      printJson(where);
    } else {
      printJson(new LinkedHashMap<>(vars.values()));
    }
    return 0;
  }
}

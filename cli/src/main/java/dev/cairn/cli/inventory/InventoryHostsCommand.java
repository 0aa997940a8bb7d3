package dev.cairn.cli.inventory;

import dev.cairn.inventory.HostSelection;
import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.pattern.InvalidPatternException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn inventory hosts -i PATH PATTERN}: like {@code ansible PATTERN --list-hosts}. */
@Command(
    name = "hosts",
    mixinStandardHelpOptions = true,
    description = "Print the hosts a host pattern selects, one per line, in inventory order"
        + " (as 'ansible -i PATH PATTERN --list-hosts' lists them, without the header).")
final class InventoryHostsCommand extends InventorySubcommand {

  @Parameters(paramLabel = "PATTERN", description = "Host pattern, e.g. 'site_north:&db' or"
      + " 'app:!lab_app' (quote it for the shell).")
  String pattern;

  @Override
  int run(Inventory inventory) throws InvalidPatternException {
    HostSelection selection = inventory.hosts(pattern);
    selection.warnings().forEach(this::warn);
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("pattern", selection.pattern());
      result.put("hosts", selection.hosts());
      result.put("warnings", selection.warnings());
      printJson(result);
    } else {
      selection.hosts().forEach(out()::println);
    }
    return 0;
  }
}

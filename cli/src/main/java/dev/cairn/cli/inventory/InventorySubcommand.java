package dev.cairn.cli.inventory;

import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.InventoryException;
import dev.cairn.inventory.desired.DesiredStateCodec;
import dev.cairn.inventory.pattern.InvalidPatternException;
import dev.cairn.inventory.source.InventoryLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code cairn inventory} subcommand shares: {@code -i} sources, {@code --json},
 * warnings on stderr as Ansible prints them, and expected failures turned into a one-line error
 * and exit status 1.
 */
abstract class InventorySubcommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "PATH",
      description = "Inventory file or directory; repeat for several sources.")
  List<Path> inventory;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public final Integer call() {
    try {
      Inventory inv = InventoryLoader.load(inventory);
      inv.warnings().forEach(this::warn);
      return run(inv);
    } catch (InventoryException | InvalidPatternException e) {
      return fail(e.getMessage());
    } catch (IOException e) {
      return fail("cannot read the inventory: " + e.getMessage() + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }

  /** Does the command's work on the loaded inventory; returns the exit status. */
  abstract int run(Inventory inventory) throws InventoryException, InvalidPatternException;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  void warn(String warning) {
    spec.commandLine().getErr().println("[WARNING]: " + warning);
  }

  int fail(String message) {
    spec.commandLine().getErr().println("error: " + message);
    return 1;
  }

  /** Prints JSON with keys sorted, as {@code ansible-inventory} prints variables. */
  void printJson(Object value) {
    out().println(DesiredStateCodec.writeJson(value));
  }
}

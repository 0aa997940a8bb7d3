package dev.cairn.inventory;

import dev.cairn.inventory.source.InventoryLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test inventories: those under src/test/resources/inventories and the example fleet. */
public final class Fixtures {

  /** The example fleet, relative to the module directory (the tests' working directory). */
  public static final Path EXAMPLES = Path.of("examples");

  /** The operator documentation of the inventory vocabulary. */
  public static final Path DOC = Path.of("..", "docs", "inventory.md");

  private Fixtures() {}

  /** A fixture under src/test/resources/inventories. */
  public static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/inventories/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Loads a fixture by name, or {@code examples/...} from the example fleet. */
  public static Inventory load(String name) throws Exception {
    return InventoryLoader.load(resolve(name));
  }

  public static Path resolve(String name) {
    if (name.equals("examples")) {
      return EXAMPLES;
    }
    return name.startsWith("examples/") ? EXAMPLES.resolve(name.substring(9)) : path(name);
  }

  /** The rows of a tab-separated resource next to {@code owner}, comments and blanks skipped. */
  public static List<String[]> table(Class<?> owner, String resource) {
    try {
      Path file = Path.of(owner.getResource(resource).toURI());
      List<String[]> rows = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t", -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A table cell of hosts: space-separated names, {@code -} for none. */
  public static List<String> hosts(String cell) {
    return cell.equals("-") ? List.of() : List.of(cell.split(" "));
  }

  /** A pattern cell: {@code (empty)} for the empty pattern. */
  public static String pattern(String cell) {
    return cell.equals("(empty)") ? "" : cell;
  }
}

package dev.cairn.inventory.source;

import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.InventoryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads an inventory as {@code ansible-inventory -i SOURCE} does: a file (YAML, JSON or INI) or a
 * directory of them, then the {@code group_vars/} and {@code host_vars/} next to each source.
 * Either everything loads or an {@link InventoryException} says what is wrong and where; nothing
 * is half-loaded.
 */
public final class InventoryLoader {

  private InventoryLoader() {}

  /** Loads one inventory file or directory. */
  public static Inventory load(Path source) throws InventoryException, IOException {
    return load(List.of(source));
  }

  /** Loads several sources into one inventory, in order (like repeating {@code -i}). */
  public static Inventory load(List<Path> sources) throws InventoryException, IOException {
    if (sources.isEmpty()) {
      throw new InventoryException("no inventory source given");
    }
    List<String> warnings = new ArrayList<>();
    InventoryBuilder builder = new InventoryBuilder(warnings);
    List<String> labels = new ArrayList<>();
    for (Path source : sources) {
      if (!Files.exists(source)) {
        throw new InventoryException("inventory source '" + source + "' does not exist");
      }
      labels.add(source.toString());
      new SourceReader(builder).read(source, source.toString());
    }
    for (Path source : sources) {
      boolean dir = Files.isDirectory(source);
      Path root = dir ? source : source.toAbsolutePath().getParent();
      Path given = dir ? source : source.getParent();
      new VarsDirectoryReader(builder, root, given == null ? "" : given.toString()).read();
    }
    return builder.build(labels);
  }
}

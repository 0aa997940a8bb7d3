package dev.cairn.inventory.source;

import dev.cairn.inventory.InventoryException;
import dev.cairn.inventory.InventoryParseException;
import dev.cairn.inventory.Origin;
import dev.cairn.inventory.Variables;
import dev.cairn.inventory.syntax.SyntaxException;
import dev.cairn.inventory.syntax.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads {@code group_vars/} and {@code host_vars/} next to an inventory source, as Ansible's
 * {@code host_group_vars} plugin does: for a group or host NAME the first of {@code NAME} (a file,
 * or a directory whose files are read in lexical order, recursively), {@code NAME.yml},
 * {@code NAME.yaml}, {@code NAME.json}; hidden files and backups ({@code ~}) are skipped. Entries
 * that match no group or host are reported as warnings.
 */
final class VarsDirectoryReader {

  private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json");

  private final InventoryBuilder builder;
  private final Path root;
  private final String rootLabel;

  VarsDirectoryReader(InventoryBuilder builder, Path root, String rootLabel) {
    this.builder = builder;
    this.root = root;
    this.rootLabel = rootLabel;
  }

  void read() throws IOException, InventoryException {
    for (String name : builder.groupNames()) {
      Variables vars = varsOf("group_vars", name);
      if (!vars.isEmpty()) {
        builder.addGroupFileVars(name, vars);
      }
    }
    for (String name : builder.hostNames()) {
      Variables vars = varsOf("host_vars", name);
      if (!vars.isEmpty()) {
        builder.addHostFileVars(name, vars);
      }
    }
    warnUnused("group_vars", new HashSet<>(builder.groupNames()));
    warnUnused("host_vars", new HashSet<>(builder.hostNames()));
  }

  private Variables varsOf(String kind, String name) throws IOException, InventoryException {
    Path dir = root.resolve(kind);
    if (!Files.isDirectory(dir) || name.contains("/") || name.startsWith(".")) {
      return Variables.EMPTY;
    }
    Path candidate = chosen(dir, name);
    if (candidate == null) {
      return Variables.EMPTY;
    }
    Variables result = Variables.EMPTY;
    for (Path file : Files.isDirectory(candidate) ? listing(candidate) : List.of(candidate)) {
      result = result.overriddenBy(readFile(file, label(file)));
    }
    return result;
  }

  /** The one of NAME, NAME.yml, NAME.yaml, NAME.json that is read (the first that exists). */
  private static Path chosen(Path dir, String name) {
    for (String ext : List.of("", ".yml", ".yaml", ".json")) {
      Path candidate = dir.resolve(name + ext);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Files of a vars directory in lexical order, subdirectories (without extension) included. */
  private static List<Path> listing(Path dir) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path entry : visibleEntries(dir)) {
      String ext = InventoryFile.extension(entry.getFileName().toString());
      if (Files.isDirectory(entry) && ext.isEmpty()) {
        found.addAll(listing(entry));
      } else if (Files.isRegularFile(entry) && (ext.isEmpty() || EXTENSIONS.contains(ext))) {
        found.add(entry);
      }
    }
    return found;
  }

  /** The variables of one file: a mapping of names to values, or nothing if it is empty. */
  Variables readFile(Path file, String label) throws IOException, InventoryException {
    String text = InventoryFile.read(file, label);
    YamlDocument.Parsed doc = InventoryFile.parseYaml(label, text, builder::warn);
    if (doc.root().isEmpty()) {
      return Variables.EMPTY;
    }
    if (!(doc.root().get() instanceof MappingNode mapping)) {
      throw new InventoryParseException(new Origin(label, YamlDocument.line(doc.root().get())),
          "a variables file must be a mapping of variable names to values");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Origin> origins = new LinkedHashMap<>();
    try {
      for (NodeTuple t : doc.reader().entries(mapping)) {
        String key = YamlDocument.keyText(doc.reader().value(t.getKeyNode()));
        values.put(key, doc.reader().value(t.getValueNode()));
        origins.put(key, new Origin(label, YamlDocument.line(t.getKeyNode())));
      }
    } catch (SyntaxException e) {
      throw new InventoryParseException(new Origin(label, e.line()), e.getMessage(), e);
    }
    return new Variables(values, origins);
  }

  private void warnUnused(String kind, Set<String> names) throws IOException {
    Path dir = root.resolve(kind);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      builder.warn("Found " + kind + " that is not a directory, skipping: " + label(dir));
      return;
    }
    if (!Files.isDirectory(dir)) {
      return;
    }
    for (Path entry : visibleEntries(dir)) {
      String file = entry.getFileName().toString();
      String ext = InventoryFile.extension(file);
      String name = ext.isEmpty() || !EXTENSIONS.contains(ext)
          ? file : file.substring(0, file.length() - ext.length());
      if (!ext.isEmpty() && !EXTENSIONS.contains(ext) && !names.contains(file)) {
        builder.warn(label(entry) + ": ignored, vars files end in .yml, .yaml, .json or nothing");
      } else if (!names.contains(name)) {
        builder.warn(label(entry) + ": no " + (kind.equals("group_vars") ? "group" : "host")
            + " '" + name + "' in the inventory; the file is not used");
      } else {
        Path chosen = chosen(dir, name);
        if (!entry.equals(chosen)) {
          builder.warn(label(entry) + ": not used, " + label(chosen) + " is read instead");
        }
      }
    }
  }

  /** A directory's entries in lexical order, without hidden files and backups ({@code ~}). */
  private static List<Path> visibleEntries(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")
              && !p.getFileName().toString().endsWith("~"))
          .sorted().toList();
    }
  }

  private String label(Path file) {
    return rootLabel.isEmpty()
        ? root.relativize(file).toString()
        : rootLabel + "/" + root.relativize(file);
  }
}

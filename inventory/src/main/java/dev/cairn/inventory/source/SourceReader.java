package dev.cairn.inventory.source;

import dev.cairn.inventory.InventoryException;
import dev.cairn.inventory.InventoryParseException;
import dev.cairn.inventory.Origin;
import dev.cairn.inventory.syntax.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads one inventory source into the builder. A directory is read entry by entry in lexical
 * order, skipping what Ansible skips ({@code inventory_ignore_extensions}: hidden names,
 * {@code group_vars}, {@code host_vars}, {@code vars_plugins} and names ending in {@code ~},
 * {@code .orig}, {@code .ini}, {@code .cfg}, {@code .retry}, {@code .bak}, {@code .swp},
 * {@code .md}, {@code .txt}, {@code .rst}, {@code .rpm}, {@code .pyc}, {@code .pyo}). A file
 * named {@code .yml}, {@code .yaml} or {@code .json} is YAML; one without extension is YAML if it
 * reads as a YAML mapping, INI otherwise; any other name is INI.
 */
final class SourceReader {

  private static final Pattern IGNORED =
      Pattern.compile(
          "^\\..*|^host_vars$|^group_vars$|^vars_plugins$"
              + "|.*(\\.pyc|\\.pyo|\\.swp|\\.bak|~|\\.rpm|\\.md|\\.txt|\\.rst|\\.orig|\\.ini"
              + "|\\.cfg|\\.retry)$",
          Pattern.DOTALL);
  private static final List<String> YAML_EXTENSIONS = List.of(".yml", ".yaml", ".json");
  private static final Pattern INI_SECTION = Pattern.compile("(?m)^\\s*\\[[^\\]]+\\]\\s*$");

  private final InventoryBuilder builder;

  SourceReader(InventoryBuilder builder) {
    this.builder = builder;
  }

  void read(Path source, String label) throws IOException, InventoryException {
    if (Files.isDirectory(source)) {
      List<Path> entries;
      try (Stream<Path> s = Files.list(source)) {
        entries = s.sorted().toList();
      }
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (IGNORED.matcher(name).matches()) {
          if (name.endsWith(".ini")) {
            builder.warn(label + "/" + name + ": skipped, as Ansible skips .ini files inside an"
                + " inventory directory (give the file itself with -i, or rename it)");
          }
          continue;
        }
        read(entry, label + "/" + name);
      }
      return;
    }
    readFile(source, label);
  }

  private void readFile(Path file, String label) throws IOException, InventoryException {
    String text = InventoryFile.read(file, label);
    String ext = InventoryFile.extension(file.getFileName().toString());
    if (text.startsWith("#!")) {
      throw new InventoryParseException(new Origin(label, 1), "looks like an inventory script;"
          + " Cairn reads static inventories only: save its output with"
          + " 'ansible-inventory -i SCRIPT --list --yaml > inventory.yml'");
    }
    if (ext.equals(".toml")) {
      throw new InventoryException(label + ": TOML inventories are not supported; convert it with"
          + " 'ansible-inventory -i " + label + " --list --yaml'");
    }
    if (text.isBlank()) {
      builder.warn(label + ": empty inventory file");
      return;
    }
    if (!ext.isEmpty() && !YAML_EXTENSIONS.contains(ext)) {
      IniInventoryParser.parse(builder, label, text);
      return;
    }
    YamlDocument.Parsed doc;
    try {
      doc = InventoryFile.parseYaml(label, text, builder::warn);
    } catch (InventoryParseException notYaml) {
      if (!ext.isEmpty()) {
        throw notYaml;
      }
      // Mention the YAML error only for a file that does not look like INI at all.
      parseIni(label, text, INI_SECTION.matcher(text).find() ? null
          : "line " + notYaml.origin().line() + ": " + notYaml.problem());
      return;
    }
    Node root = doc.root().orElse(null);
    if (root == null) {
      builder.warn(label + ": empty inventory file");
    } else if (root instanceof MappingNode mapping) {
      for (NodeTuple t : mapping.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k
            && k.getValue().equals("plugin")) {
          throw new InventoryParseException(new Origin(label, YamlDocument.line(k)),
              "an inventory plugin configuration; Cairn reads static inventories only: save"
                  + " its output with 'ansible-inventory -i " + label + " --list --yaml'");
        }
      }
      YamlInventoryParser.parse(builder, label, doc.reader(), mapping);
    } else if (ext.isEmpty()) {
      parseIni(label, text, null);
    } else {
      throw new InventoryParseException(new Origin(label, YamlDocument.line(root)),
          "a YAML inventory must be a mapping of groups (all: with hosts:, vars:, children:)");
    }
  }

  private void parseIni(String label, String text, String yamlError) throws InventoryException {
    try {
      IniInventoryParser.parse(builder, label, text);
    } catch (InventoryParseException e) {
      if (yamlError == null) {
        throw e;
      }
      throw new InventoryParseException(e.origin(), e.problem()
          + " (read as INI; it is not valid YAML either: " + yamlError + ")", e);
    }
  }
}

package dev.cairn.inventory.source;

import dev.cairn.inventory.InventoryParseException;
import dev.cairn.inventory.Origin;
import dev.cairn.inventory.address.HostAddress;
import dev.cairn.inventory.address.HostRangeException;
import dev.cairn.inventory.syntax.SyntaxException;
import dev.cairn.inventory.syntax.YamlDocument;
import java.util.List;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a YAML (or JSON) inventory as Ansible's {@code yaml} plugin does: top-level keys are
 * groups (usually just {@code all}); a group has {@code hosts} (name or range → variables),
 * {@code vars} and {@code children} (groups, recursively). Anything else in a group is skipped
 * with a warning, as Ansible skips it.
 */
final class YamlInventoryParser {

  private static final List<String> SECTIONS = List.of("vars", "children", "hosts");

  private final InventoryBuilder builder;
  private final String file;
  private final YamlDocument reader;

  private YamlInventoryParser(InventoryBuilder builder, String file, YamlDocument reader) {
    this.builder = builder;
    this.file = file;
    this.reader = reader;
  }

  /** Reads the groups of a document whose root is a mapping. */
  static void parse(InventoryBuilder builder, String file, YamlDocument reader, MappingNode root)
      throws InventoryParseException {
    YamlInventoryParser parser = new YamlInventoryParser(builder, file, reader);
    try {
      for (NodeTuple group : reader.entries(root)) {
        parser.group(group.getKeyNode(), group.getValueNode());
      }
    } catch (SyntaxException e) {
      throw new InventoryParseException(new Origin(file, e.line()), e.getMessage(), e);
    }
  }

  private String group(Node keyNode, Node data) throws InventoryParseException, SyntaxException {
    Object key = reader.value(keyNode);
    Origin at = origin(keyNode);
    if (!(key instanceof String name) || name.isEmpty()) {
      throw new InventoryParseException(at, "Invalid group name supplied, expected a string but"
          + " got " + typeName(key) + " for " + key);
    }
    if (!(data instanceof MappingNode) && !isNull(data)) {
      builder.warn(at + ": Skipping '" + name + "' as this is not a valid group definition");
      return name;
    }
    builder.addGroup(name, at);
    if (isNull(data)) {
      return name;
    }
    for (NodeTuple entry : reader.entries((MappingNode) data)) {
      Object section = reader.value(entry.getKeyNode());
      Node value = entry.getValueNode();
      Origin sectionAt = origin(entry.getKeyNode());
      boolean known = section instanceof String s && SECTIONS.contains(s);
      if (known && !(value instanceof MappingNode) && !isNull(value) && !isString(value)) {
        throw new InventoryParseException(sectionAt, "Invalid \"" + section + "\" entry for \""
            + name + "\" group, requires a dictionary, found \"" + kind(value) + "\" instead.");
      }
      if (!known) {
        if (value instanceof MappingNode || isNull(value)) {
          builder.warn(sectionAt + ": Skipping unexpected key (" + section + ") in group (" + name
              + "), only \"vars\", \"children\" and \"hosts\" are valid");
        } else {
          builder.warn(sectionAt + ": Skipping key (" + section + ") in group (" + name
              + ") as it is not a mapping, it is a " + kind(value));
        }
        continue;
      }
      if (isNull(value)) {
        continue;
      }
      if (isString(value)) {
        section(name, (String) section, value, null);
      } else {
        for (NodeTuple item : reader.entries((MappingNode) value)) {
          section(name, (String) section, item.getKeyNode(), item.getValueNode());
        }
      }
    }
    return name;
  }

  /** One entry of a group's vars, children or hosts; {@code value} null for a bare name. */
  private void section(String group, String section, Node key, Node value)
      throws InventoryParseException, SyntaxException {
    Origin at = origin(key);
    switch (section) {
      case "vars" -> builder.setGroupVar(group, YamlDocument.keyText(reader.value(key)),
          value == null ? null : reader.value(value), at);
      case "children" -> {
        String child = group(key, value == null ? nullNode(key) : value);
        if (!builder.hasGroup(child)) {
          throw new InventoryParseException(at, child + " is not a known host nor group");
        }
        builder.addChild(group, child, at);
      }
      default -> hosts(group, key, value, at);
    }
  }

  private void hosts(String group, Node key, Node value, Origin at)
      throws InventoryParseException, SyntaxException {
    Object entry = reader.value(key);
    if (!(entry instanceof String pattern)) {
      throw new InventoryParseException(at, "Host pattern " + entry + " must be a string."
          + " Enclose integers/floats in quotation marks.");
    }
    if (value != null && !isNull(value) && !(value instanceof MappingNode)) {
      throw new InventoryParseException(at, "Invalid data from file, expected dictionary of host"
          + " variables for '" + pattern + "' and got " + kind(value));
    }
    HostAddress.Expansion hosts;
    try {
      hosts = HostAddress.expand(pattern);
    } catch (HostRangeException e) {
      throw new InventoryParseException(at, e.getMessage());
    }
    for (String host : hosts.names()) {
      builder.addHost(host, group, hosts.port(), at);
      if (value instanceof MappingNode vars) {
        for (NodeTuple v : reader.entries(vars)) {
          builder.setHostVar(host, YamlDocument.keyText(reader.value(v.getKeyNode())),
              reader.value(v.getValueNode()), origin(v.getKeyNode()));
        }
      }
    }
  }

  private Origin origin(Node node) {
    return new Origin(file, YamlDocument.line(node));
  }

  private static Node nullNode(Node at) {
    return new ScalarNode(
        Tag.NULL, true, "", ScalarStyle.PLAIN, at.getStartMark(), at.getEndMark());
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  private static boolean isString(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.STR);
  }

  private static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "dict";
    }
    if (node instanceof ScalarNode) {
      Tag tag = node.getTag();
      return tag.equals(Tag.STR) ? "str" : tag.equals(Tag.INT) ? "int"
          : tag.equals(Tag.FLOAT) ? "float" : tag.equals(Tag.BOOL) ? "bool" : "scalar";
    }
    return "list";
  }

  private static String typeName(Object value) {
    return value == null ? "NoneType" : value.getClass().getSimpleName();
  }
}

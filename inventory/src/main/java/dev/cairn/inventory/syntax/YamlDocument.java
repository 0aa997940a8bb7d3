package dev.cairn.inventory.syntax;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.JsonSchema;

/**
 * One YAML (or JSON) document read as Ansible's loader reads it: JSON when the text is valid JSON,
 * otherwise YAML 1.1 typing ({@link Yaml11Schema}), merge keys ({@code <<}), duplicate keys warned
 * about with the last one winning. Nodes keep their line so that callers can say where a value
 * came from. Values it builds are unmodifiable.
 */
public final class YamlDocument {

  private static final JsonFactory JSON = new JsonFactory();
  private static final Tag UNSAFE = new Tag("!unsafe");
  private static final Tag VAULT = new Tag("!vault");

  private final Consumer<String> warnings;
  private final String label;

  private YamlDocument(String label, Consumer<String> warnings) {
    this.label = label;
    this.warnings = warnings;
  }

  /**
   * Parses {@code content}; empty when the document is empty. {@code label} names the source in
   * warnings about duplicate keys.
   */
  public static Parsed parse(String label, String content, Consumer<String> warnings)
      throws SyntaxException {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(label)
            .setSchema(isJson(content) ? new JsonSchema() : new Yaml11Schema())
            .setCodePointLimit(Integer.MAX_VALUE)
            .build();
    try {
      Optional<Node> root = new Compose(settings).composeString(content);
      return new Parsed(root, new YamlDocument(label, warnings));
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
      throw new SyntaxException(line, oneLine(e), e);
    } catch (YamlEngineException e) {
      throw new SyntaxException(0, e.getMessage(), e);
    }
  }

  /** A parsed document: its root node (if any) and the reader that converts its nodes. */
  public record Parsed(Optional<Node> root, YamlDocument reader) {}

  /** The 1-based line where {@code node} starts. */
  public static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /**
   * The entries of a mapping in order, merge keys expanded (own keys win) and duplicate keys
   * reduced to their last value at the position of their first appearance, as a Python dict.
   */
  public List<NodeTuple> entries(MappingNode mapping) throws SyntaxException {
    Map<Object, NodeTuple> result = new LinkedHashMap<>();
    Map<Object, NodeTuple> merged = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = tuple.getKeyNode();
      if (key.getTag().equals(Tag.MERGE)) {
        mergeInto(merged, tuple.getValueNode());
        continue;
      }
      Object keyValue = keyOf(key);
      if (result.containsKey(keyValue)) {
        warnings.accept(
            String.format(
                "%s:%d: found a duplicate dict key (%s); using the last defined value only",
                label, line(key), keyValue));
      }
      result.put(keyValue, tuple);
    }
    if (merged.isEmpty()) {
      return new ArrayList<>(result.values());
    }
    Map<Object, NodeTuple> all = new LinkedHashMap<>(merged);
    all.putAll(result);
    return new ArrayList<>(all.values());
  }

  private void mergeInto(Map<Object, NodeTuple> merged, Node value) throws SyntaxException {
    if (value instanceof MappingNode m) {
      for (NodeTuple t : entries(m)) {
        merged.putIfAbsent(keyOf(t.getKeyNode()), t);
      }
    } else if (value instanceof SequenceNode s) {
      for (Node item : s.getValue()) {
        if (!(item instanceof MappingNode)) {
          throw new SyntaxException(line(item), "a merge key (<<) takes mappings only");
        }
        mergeInto(merged, item);
      }
    } else {
      throw new SyntaxException(line(value), "a merge key (<<) takes a mapping or a list of them");
    }
  }

  private Object keyOf(Node key) throws SyntaxException {
    if (!(key instanceof ScalarNode)) {
      throw new SyntaxException(line(key), "mapping keys must be plain values, not lists or maps");
    }
    return scalar((ScalarNode) key);
  }

  /** The Java value of {@code node}: scalars, unmodifiable lists and string-keyed maps. */
  public Object value(Node node) throws SyntaxException {
    return value(node, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private Object value(Node node, Set<Node> open) throws SyntaxException {
    if (node instanceof ScalarNode scalar) {
      return scalar(scalar);
    }
    if (!open.add(node)) {
      throw new SyntaxException(line(node), "a recursive alias refers to itself");
    }
    try {
      if (node instanceof SequenceNode seq) {
        List<Object> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
          items.add(value(item, open));
        }
        return Collections.unmodifiableList(items);
      }
      MappingNode mapping = (MappingNode) node;
      if (mapping.getTag().equals(Tag.SET)) {
        List<Object> keys = new ArrayList<>();
        for (NodeTuple t : entries(mapping)) {
          keys.add(keyOf(t.getKeyNode()));
        }
        return Collections.unmodifiableList(keys);
      }
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple t : entries(mapping)) {
        map.put(keyText(keyOf(t.getKeyNode())), value(t.getValueNode(), open));
      }
      return Collections.unmodifiableMap(map);
    } finally {
      open.remove(node);
    }
  }

  /** A key as JSON writes it: {@code true}, {@code null}, {@code 1}. */
  public static String keyText(Object key) {
    return key == null ? "null" : String.valueOf(key);
  }

  private Object scalar(ScalarNode node) throws SyntaxException {
    Tag tag = node.getTag();
    String text = node.getValue();
    try {
      if (tag.equals(Tag.STR) || tag.equals(UNSAFE) || tag.equals(Yaml11Schema.TIMESTAMP)
          || tag.equals(Tag.BINARY)) {
        return text;
      }
      if (tag.equals(Tag.NULL)) {
        return null;
      }
      if (tag.equals(Tag.BOOL)) {
        return YamlScalars.bool(text);
      }
      if (tag.equals(Tag.INT)) {
        return YamlScalars.integer(text);
      }
      if (tag.equals(Tag.FLOAT)) {
        return YamlScalars.floating(text);
      }
    } catch (NumberFormatException e) {
      throw new SyntaxException(line(node), "'" + text + "' is not a valid " + tag.getValue());
    }
    if (tag.equals(VAULT)) {
      throw new SyntaxException(
          line(node),
          "a !vault value: Cairn cannot decrypt Ansible Vault; keep the secret in a file on the"
              + " node and give its path instead");
    }
    throw new SyntaxException(line(node), "unsupported YAML tag " + tag.getValue());
  }

  private static boolean isJson(String content) {
    String trimmed = content.stripLeading();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
      return false;
    }
    try (JsonParser parser = JSON.createParser(content)) {
      if (parser.nextToken() == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static String oneLine(MarkedYamlEngineException e) {
    String problem = e.getProblem();
    String context = e.getContext();
    if (context != null && !context.isBlank()) {
      return context + ": " + problem;
    }
    return problem;
  }
}

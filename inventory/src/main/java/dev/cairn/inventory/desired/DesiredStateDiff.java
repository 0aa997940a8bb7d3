package dev.cairn.inventory.desired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes between two desired states of a node, field by field, what an admin reviews
 * before applying an inventory upload. Paths name list entries by their name:
 * {@code volumes[postgresql-data].mode}. Immutable.
 */
public record DesiredStateDiff(List<Change> changes) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public DesiredStateDiff {
    changes = List.copyOf(changes);
  }

  /** One changed value; {@code before} or {@code after} is null when absent. */
  public record Change(String path, JsonNode before, JsonNode after) {
    @Override
    public String toString() {
      return path + ": " + (before == null ? "(none)" : before) + " -> "
          + (after == null ? "(none)" : after);
    }
  }

  /** The changes from {@code before} to {@code after}. */
  public static DesiredStateDiff between(DesiredState before, DesiredState after) {
    List<Change> changes = new ArrayList<>();
    compare("", MAPPER.valueToTree(before), MAPPER.valueToTree(after), changes);
    return new DesiredStateDiff(changes);
  }

  /** Whether nothing changed. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  private static void compare(String path, JsonNode a, JsonNode b, List<Change> out) {
    if (a != null && b != null && a.equals(b)) {
      return;
    }
    if (a != null && b != null && a.isObject() && b.isObject()) {
      Set<String> fields = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(fields::add);
      b.fieldNames().forEachRemaining(fields::add);
      for (String f : fields) {
        compare(path.isEmpty() ? f : path + "." + f, a.get(f), b.get(f), out);
      }
    } else if (a != null && b != null && named(a) && named(b)) {
      Map<String, JsonNode> left = byName(a);
      Map<String, JsonNode> right = byName(b);
      Set<String> names = new LinkedHashSet<>(left.keySet());
      names.addAll(right.keySet());
      for (String n : names) {
        compare(path + "[" + n + "]", left.get(n), right.get(n), out);
      }
    } else {
      out.add(new Change(path, a, b));
    }
  }

  /** A list whose entries all have a name (or service) that tells them apart. */
  private static boolean named(JsonNode node) {
    if (!node.isArray() || node.isEmpty()) {
      return node.isArray();
    }
    for (JsonNode item : node) {
      if (key(item) == null) {
        return false;
      }
    }
    return true;
  }

  private static String key(JsonNode item) {
    JsonNode name = item.isObject() ? item.get(item.has("name") ? "name" : "service") : null;
    return name == null ? null : name.asText();
  }

  private static Map<String, JsonNode> byName(JsonNode list) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
      JsonNode item = it.next();
      map.put(key(item), item);
    }
    return map;
  }
}

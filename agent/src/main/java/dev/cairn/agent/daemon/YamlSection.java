package dev.cairn.agent.daemon;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of a parsed YAML document, read key by key into typed values. Problems (unknown
 * keys, wrong types) are collected, not thrown, so the operator sees all of them at once.
 */
final class YamlSection {

  private final String path;
  private final Map<?, ?> map;
  private final List<String> problems;

  private YamlSection(String path, Map<?, ?> map, List<String> problems) {
    this.path = path;
    this.map = map;
    this.problems = problems;
  }

  /** The document's top level, which must be a mapping. */
  static YamlSection root(Object document, List<String> problems) {
    if (document instanceof Map<?, ?> map) {
      return new YamlSection("", map, problems);
    }
    problems.add("the file must be a mapping of keys (controller: ..., stateDir: ...), not a "
        + document.getClass().getSimpleName());
    return new YamlSection("", Map.of(), problems);
  }

  /** Records a problem for every key not in {@code known}. */
  void allow(String... known) {
    Set<String> allowed = Set.of(known);
    for (Object key : map.keySet()) {
      if (!allowed.contains(String.valueOf(key))) {
        problems.add(name(String.valueOf(key)) + ": unknown key; known keys here: "
            + new TreeSet<>(Arrays.asList(known)));
      }
    }
  }

  /** The nested mapping under {@code key} (empty if absent). */
  YamlSection section(String key) {
    Object value = map.get(key);
    if (value == null) {
      return new YamlSection(name(key), Map.of(), problems);
    }
    if (value instanceof Map<?, ?> nested) {
      return new YamlSection(name(key), nested, problems);
    }
    problems.add(name(key) + ": must be a mapping of keys, not '" + value + "'");
    return new YamlSection(name(key), Map.of(), problems);
  }

  String string(String key, String fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Map || value instanceof List) {
      problems.add(name(key) + ": must be a single value");
      return fallback;
    }
    return String.valueOf(value);
  }

  /** A list of strings (a YAML sequence of scalars). */
  List<String> strings(String key, List<String> fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof List<?> list
        && list.stream().allMatch(v -> v != null && !(v instanceof Map || v instanceof List))) {
      return list.stream().map(String::valueOf).toList();
    }
    problems.add(name(key) + ": must be a list of names, e.g. [postgresql-data, gitea-data]");
    return fallback;
  }

  boolean bool(String key, boolean fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    problems.add(name(key) + ": must be true or false, not '" + value + "'");
    return fallback;
  }

  /** Every key and its single value, as strings (for free-form maps such as schedule expressions). */
  Map<String, String> strings() {
    Map<String, String> values = new LinkedHashMap<>();
    for (Object key : map.keySet()) {
      String value = string(String.valueOf(key), null);
      if (value != null) {
        values.put(String.valueOf(key), value);
      }
    }
    return values;
  }

  long integer(String key, long fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    problems.add(name(key) + ": must be a whole number, not '" + value + "'");
    return fallback;
  }

  double number(String key, double fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    problems.add(name(key) + ": must be a number, not '" + value + "'");
    return fallback;
  }

  private String name(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}

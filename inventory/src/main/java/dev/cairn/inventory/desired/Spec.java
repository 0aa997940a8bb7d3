package dev.cairn.inventory.desired;

import dev.cairn.inventory.Origin;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mapping inside a {@code cairn_*} variable, read field by field with types checked. A wrong
 * field is recorded as a problem (with the variable's origin and the field's path) and its default
 * used, so that one pass reports every mistake.
 */
final class Spec {

  private static final Pattern DURATION = Pattern.compile("(?:[0-9]+[smhdw])+|[0-9]+");
  private static final Pattern DURATION_PART = Pattern.compile("([0-9]+)([smhdw])");
  private static final Pattern SIZE =
      Pattern.compile("([0-9]+)\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?", Pattern.CASE_INSENSITIVE);

  private final Map<String, Object> map;
  private final String path;
  private final Origin origin;
  private final Problems problems;

  private Spec(Map<String, Object> map, String path, Origin origin, Problems problems) {
    this.map = map;
    this.path = path;
    this.origin = origin;
    this.problems = problems;
  }

  /** The mapping at {@code path}; empty (and a problem recorded) if the value is not one. */
  @SuppressWarnings("unchecked")
  static Optional<Spec> of(Object value, String path, Origin origin, Problems problems) {
    if (value instanceof Map<?, ?> m) {
      return Optional.of(new Spec((Map<String, Object>) m, path, origin, problems));
    }
    problems.add(origin, path, "must be a mapping of fields, not " + describe(value));
    return Optional.empty();
  }

  String path() {
    return path;
  }

  Origin origin() {
    return origin;
  }

  Problems problems() {
    return problems;
  }

  boolean has(String key) {
    return map.containsKey(key);
  }

  Map<String, Object> entries() {
    return new LinkedHashMap<>(map);
  }

  void problem(String key, String message) {
    problems.add(origin, key == null ? path : path.isEmpty() ? key : path + "." + key, message);
  }

  /** Records a problem for every field not in {@code known}. */
  void only(String... known) {
    Set<String> allowed = Set.of(known);
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        problem(key, "unknown field; known fields: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  /** A nested mapping, if present. */
  Optional<Spec> spec(String key) {
    if (!map.containsKey(key)) {
      return Optional.empty();
    }
    return of(map.get(key), path + "." + key, origin, problems);
  }

  String string(String key, String otherwise) {
    Object v = map.get(key);
    if (v == null) {
      return otherwise;
    }
    if (v instanceof String s && !s.isEmpty()) {
      return s;
    }
    problem(key, "must be a non-empty string, not " + describe(v)
        + (v instanceof Number ? " (quote it: \"" + v + "\")" : ""));
    return otherwise;
  }

  /** A name or a number, as for owners and groups; numbers become their decimal text. */
  String nameOrNumber(String key, String otherwise) {
    Object v = map.get(key);
    if (v instanceof Long || v instanceof Integer) {
      long n = ((Number) v).longValue();
      if (n >= 0) {
        return Long.toString(n);
      }
    }
    return string(key, otherwise);
  }

  int integer(String key, int otherwise, int min, int max) {
    Integer value = optionalInteger(key, min, max);
    return value == null ? otherwise : value;
  }

  Integer optionalInteger(String key, int min, int max) {
    Object v = map.get(key);
    if (v == null) {
      return null;
    }
    if ((v instanceof Long || v instanceof BigInteger) && ((Number) v).doubleValue() >= min
        && ((Number) v).doubleValue() <= max) {
      return ((Number) v).intValue();
    }
    problem(key, "must be a whole number from " + min + " to " + max + ", not " + describe(v));
    return null;
  }

  boolean bool(String key, boolean otherwise) {
    Object v = map.get(key);
    if (v == null) {
      return otherwise;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      switch (s.toLowerCase(Locale.ROOT)) {
        case "yes", "true", "on", "1":
          return true;
        case "no", "false", "off", "0":
          return false;
        default:
          break;
      }
    }
    problem(key, "must be true or false, not " + describe(v));
    return otherwise;
  }

  List<String> strings(String key) {
    Object v = map.get(key);
    if (v == null) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof String s && !s.isEmpty()) {
          result.add(s);
        } else {
          problem(key, "must be a list of strings; " + describe(item) + " is not one");
        }
      }
    } else {
      problem(key, "must be a list of strings, not " + describe(v));
    }
    return result;
  }

  /** A duration such as {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 7d}, or seconds. */
  long seconds(String key, long otherwise) {
    Object v = map.get(key);
    if (v == null) {
      return otherwise;
    }
    String text = v instanceof Long l ? l.toString() : v instanceof String s ? s.strip() : "";
    if (!DURATION.matcher(text).matches()) {
      problem(key, "must be a duration such as 30s, 5m, 2h, 7d or 1h30m, not " + describe(v));
      return otherwise;
    }
    if (text.chars().allMatch(Character::isDigit)) {
      return Long.parseLong(text);
    }
    long total = 0;
    Matcher m = DURATION_PART.matcher(text);
    while (m.find()) {
      long unit = switch (m.group(2)) {
        case "s" -> 1;
        case "m" -> 60;
        case "h" -> 3600;
        case "d" -> 86400;
        default -> 604800;
      };
      total += Long.parseLong(m.group(1)) * unit;
    }
    return total;
  }

  /** A size such as {@code 20GiB}, {@code 500MB} or a number of bytes. */
  long bytes(String key, long otherwise) {
    Object v = map.get(key);
    if (v == null) {
      return otherwise;
    }
    Matcher m = SIZE.matcher(v instanceof Long l ? l.toString() : v instanceof String s ? s : "");
    if (!m.matches()) {
      problem(key, "must be a size such as 20GiB, 500MB or a number of bytes, not " + describe(v));
      return otherwise;
    }
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    int power = "bkmgt".indexOf(unit.charAt(0));
    long base = unit.contains("i") ? 1024 : 1000;
    long size = Long.parseLong(m.group(1));
    for (int i = 0; i < power; i++) {
      size *= base;
    }
    return size;
  }

  /** One of an enum's constants, written in lower case with dashes ({@code restore-test}). */
  <E extends Enum<E>> E choice(String key, Class<E> type, E otherwise) {
    Object v = map.get(key);
    if (v == null) {
      return otherwise;
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      String name = constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
      names.add(name);
      if (name.equals(v)) {
        return constant;
      }
    }
    problem(key, "must be one of " + String.join(", ", names) + ", not " + describe(v));
    return otherwise;
  }

  static String describe(Object v) {
    if (v == null) {
      return "nothing";
    }
    if (v instanceof String s) {
      return "'" + s + "'";
    }
    if (v instanceof Map) {
      return "a mapping";
    }
    if (v instanceof List) {
      return "a list";
    }
    return v.getClass() == Boolean.class ? "a boolean (" + v + ")" : "the number " + v;
  }
}

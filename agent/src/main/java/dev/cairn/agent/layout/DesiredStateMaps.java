package dev.cairn.agent.layout;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.inventory.desired.DesiredState;
import dev.cairn.inventory.desired.DesiredStateCodec;
import dev.cairn.inventory.desired.DesiredStateException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A desired-state document to and from plain maps and lists, as {@link DesiredStateCodec} does with
 * Jackson's data binding, but by the records' own components. The agent reads every desired state
 * it receives (and the last one at every start); data binding would keep ~800 classes of Jackson and
 * reflection support loaded for its whole life, ~8 MiB of its resident memory (bench/agent-rss.sh).
 *
 * <p>The rules are the codec's: record components by name; unknown fields refused; a missing field
 * is null (0 or false for a primitive, whose explicit null is refused); numbers whole where the
 * field is (a protobuf {@code Struct} carries every number as a double), or strings of digits;
 * enums by name; {@code @JsonInclude(NON_NULL)} and {@code NON_EMPTY} honoured when writing. Stateless.
 */
final class DesiredStateMaps {

  private DesiredStateMaps() {}

  /** The document as plain maps and lists, as {@link DesiredStateCodec#toMap} makes it. */
  static Map<String, Object> toMap(DesiredState state) {
    return recordToMap(state);
  }

  /** Reads a document from plain maps and lists; a refusal lists what is wrong, by field path. */
  static DesiredState fromMap(Map<String, Object> map) throws DesiredStateException {
    DesiredState state;
    try {
      state = (DesiredState) toRecord(DesiredState.class, map, "");
    } catch (Refused e) {
      throw new DesiredStateException("invalid desired-state document",
          List.of("not a desired-state document: " + e.getMessage()));
    }
    if (state.schemaVersion() != DesiredState.SCHEMA_VERSION) {
      throw new DesiredStateException("unsupported desired-state document", List.of("schemaVersion "
          + state.schemaVersion() + " is not " + DesiredState.SCHEMA_VERSION + "; upgrade this program"));
    }
    return state;
  }

  private static Map<String, Object> recordToMap(Record record) {
    Map<String, Object> map = new LinkedHashMap<>();
    JsonInclude classInclude = record.getClass().getAnnotation(JsonInclude.class);
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + component, e);
      }
      // on the accessor: @JsonInclude does not target record components, so Java puts it there (and on the field)
      JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
      JsonInclude.Include rule = include != null ? include.value()
          : classInclude != null ? classInclude.value() : JsonInclude.Include.ALWAYS;
      if (value == null && rule != JsonInclude.Include.ALWAYS
          || rule == JsonInclude.Include.NON_EMPTY && isEmpty(value)) {
        continue;
      }
      map.put(component.getName(), plain(value));
    }
    return map;
  }

  private static boolean isEmpty(Object value) {
    return value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()
        || value instanceof String s && s.isEmpty();
  }

  private static Object plain(Object value) {
    if (value instanceof Record record) {
      return recordToMap(record);
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Collection<?> list) {
      List<Object> plain = new ArrayList<>(list.size());
      list.forEach(element -> plain.add(plain(element)));
      return plain;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> plain = new LinkedHashMap<>();
      map.forEach((k, v) -> plain.put(String.valueOf(k), plain(v)));
      return plain;
    }
    return value;
  }

  private static Record toRecord(Class<?> type, Object value, String path) throws Refused {
    if (!(value instanceof Map<?, ?> map)) {
      throw new Refused(where(path) + "must be an object, not " + describe(value));
    }
    RecordComponent[] components = type.getRecordComponents();
    List<String> names = new ArrayList<>();
    for (RecordComponent component : components) {
      names.add(component.getName());
    }
    for (Object key : map.keySet()) {
      if (!names.contains(String.valueOf(key))) {
        throw new Refused(where(path + "." + key) + "unknown field; known fields: " + String.join(", ", names));
      }
    }
    Object[] arguments = new Object[components.length];
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      String at = path + "." + component.getName();
      Object raw = map.get(component.getName());
      parameterTypes[i] = component.getType();
      if (raw == null && component.getType().isPrimitive()) {
        if (map.containsKey(component.getName())) {
          throw new Refused(where(at) + "must not be null");
        }
        arguments[i] = component.getType() == boolean.class ? Boolean.FALSE : convertNumber(0L, component.getType(), at);
      } else {
        arguments[i] = raw == null ? null : convert(component.getGenericType(), raw, at);
      }
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
      return (Record) constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      throw new Refused(where(path) + String.valueOf(e.getCause().getMessage()));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot make a " + type.getSimpleName(), e);
    }
  }

  private static Object convert(Type type, Object value, String path) throws Refused {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        if (!(value instanceof List<?> list)) {
          throw new Refused(where(path) + "must be a list, not " + describe(value));
        }
        List<Object> converted = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          Object element = list.get(i);
          converted.add(element == null ? null : convert(arguments[0], element, path + "[" + i + "]"));
        }
        return converted;
      }
      if (Map.class.isAssignableFrom(raw)) {
        if (!(value instanceof Map<?, ?> map)) {
          throw new Refused(where(path) + "must be an object, not " + describe(value));
        }
        Map<String, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          Object element = entry.getValue();
          String at = path + "." + entry.getKey();
          converted.put(String.valueOf(entry.getKey()), element == null ? null : convert(arguments[1], element, at));
        }
        return converted;
      }
      throw new IllegalStateException("no mapping for " + type);
    }
    Class<?> target = (Class<?>) type;
    if (target.isRecord()) {
      return toRecord(target, value, path);
    }
    if (target.isEnum()) {
      for (Object constant : target.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals(value)) {
          return constant;
        }
      }
      List<String> known = new ArrayList<>();
      for (Object constant : target.getEnumConstants()) {
        known.add(((Enum<?>) constant).name());
      }
      throw new Refused(where(path) + describe(value) + " is not one of " + String.join(", ", known));
    }
    if (target == String.class) {
      if (value instanceof String || value instanceof Boolean) {
        return value.toString();
      }
      if (value instanceof Number n) {
        return whole(n) != null ? String.valueOf(whole(n)) : n.toString();
      }
      throw new Refused(where(path) + "must be a string, not " + describe(value));
    }
    if (target == boolean.class || target == Boolean.class) {
      if (value instanceof Boolean || "true".equals(value) || "false".equals(value)) {
        return Boolean.valueOf(value.toString());
      }
      throw new Refused(where(path) + "must be true or false, not " + describe(value));
    }
    return convertNumber(value, target, path);
  }

  private static Object convertNumber(Object value, Class<?> target, String path) throws Refused {
    Long whole = value instanceof Number n ? whole(n) : value instanceof String s && s.matches("-?[0-9]{1,18}")
        ? Long.valueOf(s) : null;
    if (whole == null) {
      throw new Refused(where(path) + "must be a whole number, not " + describe(value));
    }
    if (target == long.class || target == Long.class) {
      return whole;
    }
    if ((target == int.class || target == Integer.class) && whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE) {
      return whole.intValue();
    }
    if (target == int.class || target == Integer.class) {
      throw new Refused(where(path) + value + " is out of range");
    }
    throw new IllegalStateException("no mapping for " + target);
  }

  /** The number as a long if it is whole (a double from a protobuf Struct included), else null. */
  private static Long whole(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    double d = n.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 0x1p53 ? (long) d : null;
  }

  private static String where(String path) {
    return path.isEmpty() ? "" : path.substring(1) + ": ";
  }

  private static String describe(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }

  /** A refusal on the way down, turned into one {@link DesiredStateException} problem at the top. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }
}

package dev.cairn.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of variables with where each was set. Values are what the inventory files say:
 * {@link String}, {@link Long}/{@link java.math.BigInteger}, {@link Double}, {@link Boolean},
 * {@code null}, unmodifiable lists and string-keyed maps. Immutable.
 */
public record Variables(Map<String, Object> values, Map<String, Origin> origins) {

  /** No variables. */
  public static final Variables EMPTY = new Variables(Map.of(), Map.of());

  public Variables {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
  }

  /**
   * These variables overridden by {@code over}, as Ansible combines variables with
   * {@code hash_behaviour=replace}: a variable set in both takes the value of {@code over} whole,
   * mappings included.
   */
  public Variables overriddenBy(Variables over) {
    if (over.values.isEmpty()) {
      return this;
    }
    Map<String, Object> v = new LinkedHashMap<>(values);
    Map<String, Origin> o = new LinkedHashMap<>(origins);
    v.putAll(over.values);
    o.putAll(over.origins);
    return new Variables(v, o);
  }

  /** Whether there are no variables. */
  public boolean isEmpty() {
    return values.isEmpty();
  }
}

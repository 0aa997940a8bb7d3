package dev.cairn.agent.wire;

import dev.cairn.proto.v1.Attribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event's attributes between a map and the contract's {@code repeated Attribute}, which is
 * encoded as a {@code map<string, string>} is (docs/protocol.md, "Maps as entries"). Stateless.
 */
public final class Attributes {

  private Attributes() {}

  /** The entries of {@code attributes}, in its order. */
  public static List<Attribute> of(Map<String, String> attributes) {
    List<Attribute> entries = new ArrayList<>(attributes.size());
    attributes.forEach((key, value) -> entries.add(Attribute.newBuilder().setKey(key).setValue(value).build()));
    return entries;
  }

  /** The map of {@code entries}: the last value of a key counts, in the key's first place. */
  public static Map<String, String> toMap(List<Attribute> entries) {
    Map<String, String> attributes = new LinkedHashMap<>();
    entries.forEach(entry -> attributes.put(entry.getKey(), entry.getValue()));
    return attributes;
  }
}

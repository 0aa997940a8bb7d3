package dev.cairn.inventory.desired;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.Separators.Spacing;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of {@link DesiredState}, the one both controller and agent use: field names as in
 * the records (camelCase), enums in upper case, absent optional fields left out. Reading refuses
 * unknown fields and a newer {@code schemaVersion}. Thread-safe.
 */
public final class DesiredStateCodec {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  /** Two-space indentation, {@code "key": value}, map keys sorted. */
  private static final ObjectWriter PRETTY =
      MAPPER.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private DesiredStateCodec() {}

  /** The document as indented JSON. */
  public static String toJson(DesiredState state) {
    return writeJson(state);
  }

  /**
   * Any plain value (variables, host selections, trees) in the same indented JSON layout, map
   * keys sorted, so that everything Cairn prints about an inventory looks alike.
   */
  public static String writeJson(Object value) {
    try {
      return PRETTY.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("inventory values always serialise", e);
    }
  }

  /** The document as plain maps and lists (for a protobuf {@code Struct}). */
  public static Map<String, Object> toMap(DesiredState state) {
    return MAPPER.convertValue(state, new TypeReference<Map<String, Object>>() {});
  }

  /** Reads a document written by {@link #toJson}; fails on anything else. */
  public static DesiredState fromJson(String json) throws DesiredStateException {
    DesiredState state;
    try {
      state = MAPPER.readValue(json, DesiredState.class);
    } catch (JsonProcessingException e) {
      throw new DesiredStateException("invalid desired-state document",
          List.of("not a desired-state document: " + e.getOriginalMessage()));
    }
    if (state.schemaVersion() != DesiredState.SCHEMA_VERSION) {
      throw new DesiredStateException("unsupported desired-state document",
          List.of("schemaVersion " + state.schemaVersion() + " is not "
              + DesiredState.SCHEMA_VERSION + "; upgrade this program"));
    }
    return state;
  }

  /** Reads the plain-map form made by {@link #toMap}. */
  public static DesiredState fromMap(Map<String, Object> map) throws DesiredStateException {
    try {
      return fromJson(MAPPER.writeValueAsString(map));
    } catch (JsonProcessingException e) {
      throw new DesiredStateException("invalid desired-state document",
          List.of(e.getOriginalMessage()));
    }
  }
}

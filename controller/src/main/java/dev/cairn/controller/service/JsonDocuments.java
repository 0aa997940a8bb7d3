package dev.cairn.controller.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import dev.cairn.controller.error.InvalidRequestException;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** Conversions between Jackson JSON trees and protobuf messages, and the desired-state merge. */
public final class JsonDocuments {
  private static final ObjectMapper MAPPER = Jackson.newObjectMapper();
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();

  private JsonDocuments() {}

  public static Struct toStruct(JsonNode json) {
    Struct.Builder builder = Struct.newBuilder();
    try {
      JsonFormat.parser().merge(MAPPER.writeValueAsString(json), builder);
    } catch (IOException e) {
      throw new IllegalStateException("A JSON object did not convert to a protobuf Struct", e);
    }
    return builder.build();
  }

  /** The message as a JSON tree (proto field names in lowerCamelCase, as JsonFormat prints). */
  public static JsonNode toJson(Message message) {
    try {
      return MAPPER.readTree(PRINTER.print(message));
    } catch (IOException e) {
      throw new IllegalStateException("A protobuf message did not print as JSON", e);
    }
  }

  /**
   * Parses {@code json} into {@code builder}, rejecting unknown fields and wrong types with a
   * message that names them.
   */
  public static void merge(JsonNode json, Message.Builder builder, String what)
      throws InvalidRequestException {
    try {
      JsonFormat.parser().merge(MAPPER.writeValueAsString(json), builder);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidRequestException("Invalid " + what + ": " + e.getMessage());
    } catch (IOException e) {
      throw new InvalidRequestException("Invalid " + what + ": not JSON");
    }
  }

  /**
   * Deep merge: objects merge key by key, anything else in {@code overlay} replaces what {@code
   * base} has. Returns a new object; neither argument changes.
   */
  public static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
    ObjectNode merged = base.deepCopy();
    Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = merged.get(field.getKey());
      if (existing instanceof ObjectNode existingObject
          && field.getValue() instanceof ObjectNode overlayObject) {
        merged.set(field.getKey(), merge(existingObject, overlayObject));
      } else {
        merged.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    return merged;
  }

  public static ObjectNode emptyObject() {
    return MAPPER.createObjectNode();
  }
}

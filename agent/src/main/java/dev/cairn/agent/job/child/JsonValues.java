package dev.cairn.agent.job.child;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to and from plain values (maps with string keys, lists, strings, numbers, booleans,
 * null) with Jackson's streaming API, which the idle agent loads anyway; data binding stays out of
 * the agent daemon (see {@code schedule.RunHistoryCodec}). Whole numbers read back as {@code Long},
 * others as {@code Double}; any other object is written as its {@code toString()}.
 */
final class JsonValues {

  private static final JsonFactory JSON = new JsonFactory();

  private JsonValues() {}

  /** One line of JSON (no line breaks: strings escape them). */
  static String write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      write(json, value);
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to a string failed", e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String s) {
      json.writeString(s);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number n) {
      json.writeNumber(n.doubleValue());
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        write(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof Collection<?> list) {
      json.writeStartArray();
      for (Object element : list) {
        write(json, element);
      }
      json.writeEndArray();
    } else {
      json.writeString(value.toString());
    }
  }

  /** The value of one JSON text; trailing content is an error. */
  static Object read(String text) throws JsonParseException {
    try (JsonParser json = JSON.createParser(text)) {
      JsonToken first = json.nextToken();
      if (first == null) {
        throw new JsonParseException(json, "no JSON value");
      }
      Object value = read(json, first);
      if (json.nextToken() != null) {
        throw new JsonParseException(json, "more than one JSON value");
      }
      return value;
    } catch (JsonParseException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading JSON from a string failed", e);
    }
  }

  /** {@link #read} for a text that must be an object. */
  static Map<String, Object> readObject(String text) throws JsonParseException {
    Object value = read(text);
    if (value instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) value;
      return map;
    }
    throw new JsonParseException(null, "expected a JSON object, not: " + abbreviate(text));
  }

  private static Object read(JsonParser json, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = json.nextToken(); t != JsonToken.END_OBJECT; t = json.nextToken()) {
          String name = json.currentName();
          map.put(name, read(json, json.nextToken()));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
          list.add(read(json, t));
        }
        return list;
      }
      case VALUE_STRING -> {
        return json.getText();
      }
      case VALUE_NUMBER_INT -> {
        if (json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return json.getDoubleValue(); // beyond a long, as protobuf's Struct holds every number
        }
        return json.getLongValue(); // not in a ?: expression, which would widen it to a double
      }
      case VALUE_NUMBER_FLOAT -> {
        return json.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new JsonParseException(json, "unexpected JSON token " + token);
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}

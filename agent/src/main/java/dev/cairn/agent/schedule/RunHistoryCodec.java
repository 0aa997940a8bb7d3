package dev.cairn.agent.schedule;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes {@code history.json} ({@link RunHistory.Document}) with Jackson's streaming API
 * rather than data binding: the history is read at every agent start, and an idle agent that never
 * loads {@code ObjectMapper} keeps about 500 classes (~3 MiB) out of its resident memory. Unknown
 * fields are skipped; a value of the wrong shape is a {@link JsonParseException}.
 */
final class RunHistoryCodec {

  private static final JsonFactory JSON = new JsonFactory();

  private RunHistoryCodec() {}

  static byte[] encode(RunHistory.Document document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
      json.writeStartObject();
      json.writeObjectFieldStart("slots");
      for (Map.Entry<String, Long> slot : document.slots().entrySet()) {
        json.writeNumberField(slot.getKey(), slot.getValue());
      }
      json.writeEndObject();
      json.writeObjectFieldStart("runs");
      for (Map.Entry<String, RunRecord> run : document.runs().entrySet()) {
        json.writeFieldName(run.getKey());
        write(json, run.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator json, RunRecord r) throws IOException {
    json.writeStartObject();
    json.writeStringField("schedule", r.schedule());
    json.writeStringField("action", r.action());
    json.writeStringField("volume", r.volume());
    writeLong(json, "lastSuccess", r.lastSuccess());
    writeLong(json, "lastAttempt", r.lastAttempt());
    json.writeStringField("outcome", r.outcome());
    json.writeStringField("message", r.message());
    json.writeStringField("snapshotId", r.snapshotId());
    json.writeEndObject();
  }

  private static void writeLong(JsonGenerator json, String name, Long value) throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }

  static RunHistory.Document decode(byte[] bytes) throws IOException {
    try (JsonParser json = JSON.createParser(bytes)) {
      expect(json, json.nextToken(), JsonToken.START_OBJECT);
      Map<String, Long> slots = new TreeMap<>();
      Map<String, RunRecord> runs = new TreeMap<>();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("slots") && value != JsonToken.VALUE_NULL) {
          expect(json, value, JsonToken.START_OBJECT);
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String schedule = json.currentName();
            JsonToken slot = json.nextToken();
            if (slot != JsonToken.VALUE_NULL) {
              slots.put(schedule, readLong(json, slot));
            }
          }
        } else if (field.equals("runs") && value != JsonToken.VALUE_NULL) {
          expect(json, value, JsonToken.START_OBJECT);
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            expect(json, json.nextToken(), JsonToken.START_OBJECT);
            runs.put(key, readRun(json));
          }
        } else {
          json.skipChildren();
        }
      }
      expect(json, json.currentToken(), JsonToken.END_OBJECT);
      return new RunHistory.Document(slots, runs);
    }
  }

  /** Reads the fields of one run; the parser is on its START_OBJECT and is left on its END_OBJECT. */
  private static RunRecord readRun(JsonParser json) throws IOException {
    Map<String, Object> fields = new TreeMap<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "lastSuccess", "lastAttempt" -> fields.put(field, value == JsonToken.VALUE_NULL ? null : readLong(json, value));
        case "schedule", "action", "volume", "outcome", "message", "snapshotId" ->
            fields.put(field, value == JsonToken.VALUE_NULL ? null : readString(json, value));
        default -> json.skipChildren();
      }
    }
    expect(json, json.currentToken(), JsonToken.END_OBJECT);
    return new RunRecord((String) fields.get("schedule"), (String) fields.get("action"), (String) fields.get("volume"),
        (Long) fields.get("lastSuccess"), (Long) fields.get("lastAttempt"), (String) fields.get("outcome"),
        (String) fields.get("message"), (String) fields.get("snapshotId"));
  }

  private static long readLong(JsonParser json, JsonToken token) throws IOException {
    expect(json, token, JsonToken.VALUE_NUMBER_INT);
    return json.getLongValue();
  }

  private static String readString(JsonParser json, JsonToken token) throws IOException {
    expect(json, token, JsonToken.VALUE_STRING);
    return json.getText();
  }

  private static void expect(JsonParser json, JsonToken actual, JsonToken expected) throws JsonParseException {
    if (actual != expected) {
      throw new JsonParseException(json, "expected " + expected + " but found " + actual);
    }
  }
}

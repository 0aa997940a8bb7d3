package dev.cairn.agent.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** JSON encoding of the repository's structured objects; unknown fields are ignored on read. */
public final class JsonCodec {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private JsonCodec() {}

  public static byte[] encode(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** Decodes JSON; a parse failure is reported as corruption of {@code what}. */
  public static <T> T decode(byte[] json, Class<T> type, String what) throws CorruptObjectException {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException | RuntimeException e) {
      throw new CorruptObjectException(what + " does not parse: " + e.getMessage(), e);
    }
  }

  /** The shared mapper (thread-safe), e.g. for command-line JSON output. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}

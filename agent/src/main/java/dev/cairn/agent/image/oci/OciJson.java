package dev.cairn.agent.image.oci;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;

/** The one JSON mapper of the image code (thread-safe) and typed readers for the image formats. */
public final class OciJson {

  /** Shared, thread-safe mapper: ISO-8601 instants, unknown fields ignored. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private OciJson() {}

  public static ImageManifest manifest(byte[] json) throws IOException {
    return MAPPER.readValue(json, ImageManifest.class);
  }

  public static ImageIndex index(byte[] json) throws IOException {
    return MAPPER.readValue(json, ImageIndex.class);
  }

  public static ImageConfig config(byte[] json) throws IOException {
    return MAPPER.readValue(json, ImageConfig.class);
  }

  public static List<DockerSaveManifest> dockerSaveManifest(byte[] json) throws IOException {
    return MAPPER.readValue(json, new TypeReference<List<DockerSaveManifest>>() {});
  }

  public static byte[] bytes(Object value) throws IOException {
    return MAPPER.writeValueAsBytes(value);
  }
}

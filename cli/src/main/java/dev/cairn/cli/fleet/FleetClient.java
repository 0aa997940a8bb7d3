package dev.cairn.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The controller's REST API over {@link HttpClient}: JSON in, JSON out, errors as {@link FleetException}. */
public final class FleetClient {
  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final String token;

  public FleetClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  public JsonNode get(String path) throws FleetException {
    return send("GET", path, null);
  }

  public JsonNode post(String path, Object body) throws FleetException {
    return send("POST", path, body == null ? Map.of() : body);
  }

  public JsonNode put(String path, Object body) throws FleetException {
    return send("PUT", path, body);
  }

  public JsonNode delete(String path) throws FleetException {
    return send("DELETE", path, null);
  }

  /** {@code path?k=v&...} with the non-null parameters, URL-encoded. */
  public static String query(String path, Map<String, ?> parameters) {
    Map<String, Object> present = new LinkedHashMap<>();
    parameters.forEach((k, v) -> {
      if (v != null) {
        present.put(k, v);
      }
    });
    if (present.isEmpty()) {
      return path;
    }
    return path + "?" + present.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode send(String method, String path, Object body) throws FleetException {
    URI uri = URI.create(base.toString().replaceAll("/+$", "") + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + token);
    try {
      if (body != null) {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode parsed = response.body().isBlank() ? null : parse(response.body());
      if (response.statusCode() >= 400) {
        String code = parsed != null && parsed.has("error") ? parsed.get("error").asText() : "http-" + response.statusCode();
        String message = parsed != null && parsed.has("message") ? parsed.get("message").asText() : response.body();
        throw new FleetException(code + " (HTTP " + response.statusCode() + "): " + message);
      }
      return parsed;
    } catch (ConnectException e) {
      throw new FleetException("Cannot reach the controller at " + base
          + "; is it running? Set CAIRN_URL or --url");
    } catch (IOException e) {
      throw new FleetException("Request to " + uri + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FleetException("Interrupted");
    }
  }

  private static JsonNode parse(String body) throws FleetException {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new FleetException("The controller answered something that is not JSON: "
          + body.substring(0, Math.min(200, body.length())));
    }
  }
}

package dev.cairn.controller.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal JSON client for the REST API in tests. */
public final class RestClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String token;

  /** A response: status and parsed body (null when empty). */
  public record Reply(int status, JsonNode body) {}

  public RestClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  public RestClient as(String otherToken) {
    return new RestClient(base, otherToken);
  }

  public Reply get(String path) throws IOException, InterruptedException {
    return send("GET", path, null);
  }

  public Reply post(String path, Object body) throws IOException, InterruptedException {
    return send("POST", path, body);
  }

  public Reply put(String path, Object body) throws IOException, InterruptedException {
    return send("PUT", path, body);
  }

  public Reply delete(String path) throws IOException, InterruptedException {
    return send("DELETE", path, null);
  }

  /** Sends raw bytes (an inventory file or archive) with the given content type. */
  public Reply putBytes(String path, byte[] body, String contentType)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json")
        .header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode parsed = response.body().isEmpty() ? null : JSON.readTree(response.body());
    return new Reply(response.statusCode(), parsed);
  }

  public Reply send(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(text));
    } else if (method.equals("POST") || method.equals("PUT")) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString("{}"));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode parsed = response.body().isEmpty() ? null : JSON.readTree(response.body());
    return new Reply(response.statusCode(), parsed);
  }
}

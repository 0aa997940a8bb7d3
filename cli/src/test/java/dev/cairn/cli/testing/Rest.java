package dev.cairn.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A REST client for tests, speaking to the controller as an operator with the admin token. Immutable. */
public final class Rest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public Rest(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  public JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public JsonNode post(String path, Object body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  public JsonNode put(String path, Object body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("HTTP " + response.statusCode() + " from " + response.uri() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** {@code POST /api/v1/enrollment-tokens} for {@code node}: the token and the CA fingerprint. */
  public JsonNode createEnrollmentToken(String node) throws IOException, InterruptedException {
    return post("/api/v1/enrollment-tokens", Map.of("node", node, "ttlSeconds", 600));
  }

  /** {@code GET /api/v1/nodes/{name}}. */
  public JsonNode node(String name) throws IOException, InterruptedException {
    return get("/api/v1/nodes/" + name);
  }

  /** Whether the node is enrolled and its stream is open now. */
  public boolean connected(String name) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/nodes/" + name))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      return false; // not enrolled yet
    }
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + response.uri() + ": " + response.body());
    }
    return JSON.readTree(response.body()).path("connected").asBoolean();
  }

  /** Queues a ping with idempotency id {@code id}. */
  public JsonNode ping(String node, String id, String payload) throws IOException, InterruptedException {
    return post("/api/v1/nodes/" + node + "/commands",
        Map.of("id", id, "kind", "ping", "arguments", Map.of("payload", payload)));
  }

  public JsonNode command(String id) throws IOException, InterruptedException {
    return get("/api/v1/commands/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
  }

  /** Events of one node and kind, oldest first (at most 1000). */
  public JsonNode events(String node, String kind) throws IOException, InterruptedException {
    return get("/api/v1/events?limit=1000&node=" + node + "&kind=" + kind);
  }
}

package dev.cairn.cli.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Creates an enrollment token through the controller's REST API ({@code POST
 * /api/v1/enrollment-tokens}, admin role), as an operator would. Immutable.
 */
final class EnrollmentTokenClient {

  /** What the controller answers: the token's secret, the CA fingerprint and where agents dial. */
  record Token(String token, String caFingerprint, String grpcTarget) {}

  private final URI restUrl;
  private final String adminToken;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  EnrollmentTokenClient(URI restUrl, String adminToken) {
    this.restUrl = restUrl;
    this.adminToken = adminToken;
  }

  Token create(String node, Duration ttl) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(restUrl.resolve("/api/v1/enrollment-tokens"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + adminToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
            Map.of("node", node, "ttlSeconds", ttl.toSeconds()))))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("the controller refused to create an enrollment token (HTTP " + response.statusCode()
          + "): " + response.body());
    }
    JsonNode body = json.readTree(response.body());
    return new Token(body.path("token").asText(), body.path("caFingerprint").asText(),
        body.path("grpcTarget").asText());
  }
}

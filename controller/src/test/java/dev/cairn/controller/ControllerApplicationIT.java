package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.controller.testing.RestClient;
import dev.cairn.controller.testing.TestControllers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole Dropwizard application on free ports with RocksDB in a temp directory. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ControllerApplicationIT {
  private static final Path DATA = tempDir();
  private static final DropwizardAppExtension<ControllerConfiguration> APP =
      new DropwizardAppExtension<>(ControllerApplication.class, TestControllers.configuration(DATA));
  private RestClient admin;

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("controller-app-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeEach
  void client() throws IOException {
    admin = new RestClient(URI.create("http://127.0.0.1:" + APP.getLocalPort()),
        Files.readString(DATA.resolve("admin.token")).trim());
  }

  @Test
  void firstStart_writesOwnerOnlyAdminTokenThatWorks() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA.resolve("admin.token"))))
        .isEqualTo("rw-------");
    assertThat(admin.get("/api/v1/tokens").body().findValuesAsText("role")).contains("admin");
  }

  @Test
  void audit_recordsThePeerAddressAndMarksAForwardedForHeaderAsTheClientsClaim() throws Exception {
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/tokens"))
            .header("Authorization", "Bearer " + Files.readString(DATA.resolve("admin.token")).trim())
            .header("Content-Type", "application/json").header("X-Forwarded-For", "10.9.8.7")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"xff\",\"role\":\"viewer\"}"))
            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);

    com.fasterxml.jackson.databind.JsonNode audit = admin.get("/api/v1/audit?limit=1000").body();
    com.fasterxml.jackson.databind.JsonNode last = audit.get(audit.size() - 1);
    assertThat(last.get("action").asText()).isEqualTo("POST /api/v1/tokens");
    assertThat(last.get("remoteAddress").asText())
        .isEqualTo("127.0.0.1 (X-Forwarded-For: 10.9.8.7, as the client says)");
  }

  @Test
  void post_unknownField_isRefusedNamingIt() throws Exception {
    RestClient.Reply reply = admin.post("/api/v1/enrollment-tokens", Map.of("node", "n1", "ttl", 60));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("error").asText()).isEqualTo("invalid-request");
    assertThat(reply.body().get("message").asText()).contains("\"ttl\"");
  }

  @Test
  void get_queryParameterOfTheWrongType_is400NamingIt() throws Exception {
    RestClient.Reply reply = admin.get("/api/v1/events?limit=abc");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("error").asText()).isEqualTo("invalid-request");
    assertThat(reply.body().get("message").asText()).contains("'limit'").contains("abc");
  }

  @Test
  void put_jsonBodyOverTheLimit_is413AndNothingIsStored() throws Exception {
    long before = admin.get("/api/v1/nodes/n8/desired").body().get("version").asLong();
    String huge = "{\"blob\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";

    RestClient.Reply reply = admin.put("/api/v1/nodes/n8/desired", huge);

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.body().get("error").asText()).isEqualTo("payload-too-large");
    // the same body chunked, without a Content-Length: refused once the limit is read
    java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort()
                + "/api/v1/nodes/n8/desired"))
            .header("Authorization", "Bearer " + Files.readString(DATA.resolve("admin.token")).trim())
            .header("Content-Type", "application/json")
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.body()).contains("payload-too-large");
    assertThat(admin.get("/api/v1/nodes/n8/desired").body().get("version").asLong()).isEqualTo(before);
  }

  @Test
  void tokens_createUseDelete_roundTrip() throws Exception {
    RestClient.Reply created = admin.post("/api/v1/tokens", Map.of("name", "ci", "role", "operator"));
    assertThat(created.status()).isEqualTo(201);
    RestClient operator = admin.as(created.body().get("token").asText());
    assertThat(operator.get("/api/v1/nodes").status()).isEqualTo(200);
    assertThat(operator.get("/api/v1/tokens").status()).isEqualTo(403);
    assertThat(admin.get("/api/v1/tokens").body().findValuesAsText("token")).isEmpty();

    assertThat(admin.delete("/api/v1/tokens/" + created.body().get("id").asText()).status()).isEqualTo(204);
    assertThat(operator.get("/api/v1/nodes").status()).isEqualTo(401);
  }

  @Test
  void desired_everyChange_getsAHigherVersionAndEffectiveMerge() throws Exception {
    long group = admin.put("/api/v1/groups/g1/desired", Map.of("a", 1, "b", Map.of("x", 1))).body()
        .get("version").asLong();
    JsonNode membership = admin.put("/api/v1/nodes/n9/groups", Map.of("groups", List.of("g1"))).body();
    JsonNode node = admin.put("/api/v1/nodes/n9/desired", Map.of("b", Map.of("y", 2))).body();

    assertThat(membership.at("/effective/version").asLong()).isGreaterThan(group);
    assertThat(node.get("version").asLong()).isGreaterThan(membership.at("/effective/version").asLong());
    assertThat(node.at("/effective/spec")).isEqualTo(
        new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"a\":1,\"b\":{\"x\":1,\"y\":2}}"));
    assertThat(admin.put("/api/v1/nodes/n9/desired", "[1,2]").status()).isEqualTo(400);
  }

  @Test
  void adminPort_reportsHealthAndMetrics() throws Exception {
    RestClient adminPort = new RestClient(URI.create("http://127.0.0.1:" + APP.getAdminPort()), null);
    JsonNode health = adminPort.get("/healthcheck").body();
    assertThat(health.at("/rocksdb/healthy").asBoolean()).isTrue();
    assertThat(health.at("/grpc/healthy").asBoolean()).isTrue();
    JsonNode metrics = adminPort.get("/metrics").body();
    assertThat(metrics.at("/gauges/cairn.agents.connected/value").asInt()).isZero();
    assertThat(metrics.at("/meters/cairn.device.messages-in").isMissingNode()).isFalse();
  }

  @Test
  void enrollmentToken_namesFingerprintAndTarget() throws Exception {
    RestClient.Reply reply = admin.post("/api/v1/enrollment-tokens", Map.of("node", "n1", "ttlSeconds", 60));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.body().get("caFingerprint").asText()).matches("sha256:[0-9a-f]{64}");
    assertThat(reply.body().get("grpcTarget").asText()).matches("127\\.0\\.0\\.1:[0-9]+");
    assertThat(admin.post("/api/v1/enrollment-tokens", Map.of("ttlSeconds", 0)).status()).isEqualTo(400);
  }
}

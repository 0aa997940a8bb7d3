package dev.cairn.controller.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.controller.ControllerConfiguration;
import dev.cairn.controller.ControllerLauncher;
import dev.cairn.controller.RunningController;
import dev.cairn.controller.testing.RestClient;
import dev.cairn.controller.testing.SimulatedAgent;
import dev.cairn.controller.testing.TestControllers;
import dev.cairn.proto.v1.ControllerMessage;
import io.dropwizard.util.DataSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inventory over REST against the real application: RocksDB in a temp dir, real HTTP on
 * 127.0.0.1, agents enrolling over real mutual TLS.
 */
class InventoryResourceIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String V1 = """
      all:
        vars:
          cairn_timezone: UTC
        hosts:
          web1:
          web2:
        children:
          db:
            hosts:
              db1:
      """;
  private static final String V2 = """
      all:
        vars:
          cairn_timezone: Europe/Berlin
        hosts:
          web1:
        children:
          db:
            hosts:
              db1:
      """;

  @TempDir Path dir;
  private RunningController controller;
  private RestClient admin;

  @BeforeEach
  void start() throws Exception {
    ControllerConfiguration config = TestControllers.configuration(dir.resolve("controller"));
    config.getFleet().setMaxInventorySize(DataSize.kibibytes(64));
    controller = ControllerLauncher.start(config);
    admin = new RestClient(controller.restUrl(), controller.adminToken());
  }

  @AfterEach
  void stop() throws Exception {
    controller.close();
  }

  private RestClient.Reply upload(RestClient client, String name, String yaml) throws Exception {
    return client.putBytes("/api/v1/inventory?name=" + name, yaml.getBytes(StandardCharsets.UTF_8),
        "application/yaml");
  }

  private RestClient token(String role) throws Exception {
    RestClient.Reply created = admin.post("/api/v1/tokens", Map.of("name", role, "role", role));
    assertThat(created.status()).isEqualTo(201);
    return admin.as(created.body().get("token").asText());
  }

  @Test
  void upload_yamlFile_storedAsVersionWithPreviewOfAddedHosts() throws Exception {
    RestClient.Reply reply = upload(admin, "fleet.yml", V1);

    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
    assertThat(reply.body().at("/version/version").asLong()).isEqualTo(1);
    assertThat(reply.body().at("/version/hosts").asInt()).isEqualTo(3);
    assertThat(reply.body().at("/version/sha256").asText()).matches("sha256:[0-9a-f]{64}");
    assertThat(reply.body().at("/version/applied").asBoolean()).isFalse();
    assertThat(reply.body().at("/preview/counts/added").asInt()).isEqualTo(3);
    assertThat(reply.body().at("/preview/nodes").findValuesAsText("node"))
        .containsExactlyInAnyOrder("web1", "web2", "db1");
    assertThat(admin.get("/api/v1/inventory/versions").body().findValuesAsText("version"))
        .containsExactly("1");
    assertThat(admin.get("/api/v1/inventory").status()).isEqualTo(404);
  }

  @Test
  void apply_secondVersionDropsHost_diffPreviewThenOrphanUntilRetired() throws Exception {
    assertThat(upload(admin, "fleet.yml", V1).status()).isEqualTo(201);
    JsonNode applied1 = admin.post("/api/v1/inventory/versions/1/apply", null).body();
    assertThat(applied1.get("changed")).hasSize(3);
    assertThat(applied1.get("desiredVersion").asLong()).isPositive();
    assertThat(admin.get("/api/v1/nodes/web2").body().get("inInventory").asBoolean()).isTrue();

    RestClient.Reply uploaded = upload(admin, "fleet.yml", V2);
    assertThat(uploaded.status()).isEqualTo(201);
    assertThat(uploaded.body().at("/diff").toString()).contains("web2");
    JsonNode preview = admin.get("/api/v1/inventory/versions/2/preview").body();
    assertThat(preview.at("/counts/orphaned").asInt()).isEqualTo(1);
    assertThat(preview.at("/counts/updated").asInt()).isEqualTo(2);
    assertThat(preview.get("nodes").toString()).contains("Europe/Berlin").contains("\"orphan\"");
    JsonNode diff = admin.get("/api/v1/inventory/diff?from=1&to=2").body();
    assertThat(diff.get("desired").findValuesAsText("host")).containsExactlyInAnyOrder("web1", "db1");
    assertThat(admin.get("/api/v1/nodes/web1").body().get("orphaned").asBoolean()).isFalse();

    JsonNode applied2 = admin.post("/api/v1/inventory/versions/2/apply", null).body();
    assertThat(texts(applied2.get("orphaned"))).containsExactly("web2");
    assertThat(applied2.get("changed")).hasSize(2);
    assertThat(admin.get("/api/v1/inventory").body().get("version").asLong()).isEqualTo(2);

    JsonNode web2 = admin.get("/api/v1/nodes/web2").body();
    assertThat(web2.get("orphaned").asBoolean()).isTrue();
    assertThat(web2.get("inInventory").asBoolean()).isFalse();
    assertThat(admin.get("/api/v1/nodes").body().findValuesAsText("name")).contains("web2");
    assertThat(admin.get("/api/v1/events?kind=node.orphaned").body().findValuesAsText("node"))
        .containsExactly("web2");

    assertThat(admin.post("/api/v1/nodes/web1/retire", null).status()).isEqualTo(409);
    RestClient.Reply retired = admin.post("/api/v1/nodes/web2/retire", null);
    assertThat(retired.status()).isEqualTo(200);
    assertThat(retired.body().get("retired").asBoolean()).isTrue();
    assertThat(admin.get("/api/v1/nodes").body().findValuesAsText("name")).doesNotContain("web2");
    assertThat(admin.get("/api/v1/nodes?retired=true").body().findValuesAsText("name"))
        .contains("web2");
  }

  @Test
  void enroll_nodeNotInAppliedInventory_isFlaggedWithEvent() throws Exception {
    upload(admin, "fleet.yml", V1);
    admin.post("/api/v1/inventory/versions/1/apply", null);

    try (SimulatedAgent stray = TestControllers.enrolled(controller, admin, "stray");
        SimulatedAgent web1 = TestControllers.enrolled(controller, admin, "web1")) {
      web1.connect().hello(0, 0);
      ControllerMessage desired = web1.await(ControllerMessage::hasDesiredState, WAIT);
      assertThat(desired.getDesiredState().toString()).contains("UTC");
    }

    JsonNode stray = admin.get("/api/v1/nodes/stray").body();
    assertThat(stray.get("inInventory").asBoolean()).isFalse();
    assertThat(stray.get("flaggedAt").isNull()).isFalse();
    JsonNode web1 = admin.get("/api/v1/nodes/web1").body();
    assertThat(web1.get("inInventory").asBoolean()).isTrue();
    assertThat(web1.get("flaggedAt").isNull()).isTrue();
    assertThat(admin.get("/api/v1/events?kind=node.not-in-inventory").body()
        .findValuesAsText("node")).containsExactly("stray");
  }

  @Test
  void upload_tarGzOfDirectory_readsGroupVars() throws Exception {
    byte[] archive = tarGz(Map.of(
        "inv/hosts.yml", "all:\n  children:\n    db:\n      hosts:\n        db1:\n        db2:\n",
        "inv/group_vars/db.yml", "cairn_timezone: Asia/Tokyo\n"));

    RestClient.Reply reply = admin.putBytes("/api/v1/inventory", archive, "application/gzip");

    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
    assertThat(reply.body().at("/version/format").asText()).isEqualTo("tar");
    assertThat(reply.body().at("/version/files").toString())
        .contains("hosts.yml").contains("group_vars/db.yml");
    assertThat(reply.body().at("/version/hosts").asInt()).isEqualTo(2);
    assertThat(reply.body().at("/preview/nodes").toString()).contains("Asia/Tokyo");
  }

  @Test
  void upload_brokenYaml_is400NamingFileAndLineAndStoresNothing() throws Exception {
    RestClient.Reply reply = upload(admin, "fleet.yml",
        "all:\n  hosts:\n    web1:\n  children: [unclosed\n");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("error").asText()).isEqualTo("invalid-inventory");
    assertThat(reply.body().get("problems").get(0).asText()).matches("(?s).*fleet\\.yml:\\d+.*");
    assertThat(admin.get("/api/v1/inventory/versions").body()).isEmpty();
  }

  @Test
  void upload_invalidCairnVariable_is400NamingTheVariable() throws Exception {
    RestClient.Reply reply = upload(admin, "fleet.yml",
        "all:\n  vars:\n    cairn_timezone: 42\n  hosts:\n    web1:\n");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("problems").toString()).contains("cairn_timezone");
    assertThat(admin.get("/api/v1/inventory/versions").body()).isEmpty();
  }

  @Test
  void upload_tarWithParentPath_is400AndStoresNothing() throws Exception {
    byte[] archive = tarGz(Map.of("../escape.yml", "all:\n  hosts:\n    a:\n"));

    RestClient.Reply reply = admin.putBytes("/api/v1/inventory", archive, "application/gzip");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("problems").get(0).asText()).contains("..");
    assertThat(admin.get("/api/v1/inventory/versions").body()).isEmpty();
  }

  @Test
  void upload_tarGzCutMidway_is400AndStoresNothing() throws Exception {
    StringBuilder vars = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      vars.append("# padding line ").append(i).append(" so the archive spans many blocks\n");
    }
    byte[] whole = tarGz(Map.of("inv/hosts.yml", "all:\n  hosts:\n    a:\n",
        "inv/group_vars/all.yml", vars.toString()));
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

    RestClient.Reply reply = admin.putBytes("/api/v1/inventory", cut, "application/gzip");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("error").asText()).isEqualTo("invalid-inventory");
    assertThat(reply.body().get("problems").get(0).asText()).contains("not a readable tar");
    assertThat(admin.get("/api/v1/inventory/versions").body()).isEmpty();
  }

  @Test
  void upload_largerThanLimit_is413() throws Exception {
    StringBuilder big = new StringBuilder("all:\n  hosts:\n");
    for (int i = 0; big.length() < 80 * 1024; i++) {
      big.append("    host-").append(i).append(":\n");
    }

    RestClient.Reply reply = upload(admin, "fleet.yml", big.toString());

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.body().get("error").asText()).isEqualTo("payload-too-large");
    assertThat(admin.get("/api/v1/inventory/versions").body()).isEmpty();
  }

  @Test
  void roles_viewerReadsOnly_operatorCannotUploadOrApply_anonymousIs401() throws Exception {
    upload(admin, "fleet.yml", V1);
    RestClient viewer = token("viewer");
    RestClient operator = token("operator");

    assertThat(viewer.get("/api/v1/inventory/versions").status()).isEqualTo(200);
    assertThat(viewer.get("/api/v1/inventory/versions/1/preview").status()).isEqualTo(200);
    assertThat(upload(viewer, "fleet.yml", V1).status()).isEqualTo(403);
    assertThat(upload(operator, "fleet.yml", V1).status()).isEqualTo(403);
    assertThat(operator.post("/api/v1/inventory/versions/1/apply", null).status()).isEqualTo(403);
    assertThat(operator.post("/api/v1/nodes/web1/retire", null).status()).isEqualTo(403);
    assertThat(upload(admin.as(null), "fleet.yml", V1).status()).isEqualTo(401);
    assertThat(admin.get("/api/v1/inventory/versions").body()).hasSize(1);
    assertThat(admin.get("/api/v1/inventory/versions/x/preview").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/inventory/versions/9").status()).isEqualTo(404);
  }

  private static java.util.List<String> texts(JsonNode array) {
    java.util.List<String> texts = new java.util.ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static byte[] tarGz(Map<String, String> files) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey(), true);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }
}

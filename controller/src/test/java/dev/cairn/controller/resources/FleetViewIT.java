package dev.cairn.controller.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Timestamp;
import dev.cairn.controller.ControllerConfiguration;
import dev.cairn.controller.ControllerLauncher;
import dev.cairn.controller.RunningController;
import dev.cairn.controller.testing.RestClient;
import dev.cairn.controller.testing.SimulatedAgent;
import dev.cairn.controller.testing.TestControllers;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Attribute;
import dev.cairn.proto.v1.BackupStatus;
import dev.cairn.proto.v1.ControllerMessage;
import dev.cairn.proto.v1.Event;
import dev.cairn.proto.v1.HealthReport;
import dev.cairn.proto.v1.Outcome;
import dev.cairn.proto.v1.Severity;
import dev.cairn.proto.v1.VolumeHealth;
import dev.cairn.proto.v1.VolumeStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet view against the real application: alerts and health reports sent by agents over
 * real mutual TLS, read back through {@code /alerts}, {@code /volumes} and the node filters.
 */
class FleetViewIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private RunningController controller;
  private RestClient admin;
  private final List<SimulatedAgent> agents = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    ControllerConfiguration config = TestControllers.configuration(dir.resolve("controller"));
    // A node may be silent for 3 × 1 s before it is stale.
    config.getFleet().setDefaultHealthInterval(io.dropwizard.util.Duration.seconds(1));
    controller = ControllerLauncher.start(config);
    admin = new RestClient(controller.restUrl(), controller.adminToken());
  }

  @AfterEach
  void stop() throws Exception {
    for (SimulatedAgent agent : agents) {
      agent.close();
    }
    controller.close();
  }

  private SimulatedAgent online(String name) throws Exception {
    SimulatedAgent agent = TestControllers.enrolled(controller, admin, name);
    agents.add(agent);
    agent.connect().hello(0, 0);
    agent.await(ControllerMessage::hasWelcome, WAIT);
    return agent;
  }

  private static void sendAcked(SimulatedAgent agent, AgentMessage message) throws Exception {
    agent.send(message);
    agent.await(m -> m.hasAck() && m.getAck().getUpToSeq() == message.getSeq(), WAIT);
  }

  private static AgentMessage alert(long seq, String kind, String key, Severity severity,
      String path, String message) {
    Event.Builder event = Event.newBuilder().setId("e-" + seq).setKind(kind)
        .setSeverity(severity).setMessage(message).addAttributes(Attribute.newBuilder().setKey("alert").setValue(key))
        .setAt(now());
    if (path != null) {
      event.addAttributes(Attribute.newBuilder().setKey("path").setValue(path));
    }
    return AgentMessage.newBuilder().setSeq(seq).setEvent(event).build();
  }

  private static Timestamp now() {
    Instant now = Instant.now();
    return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
  }

  private static Timestamp ago(Duration duration) {
    return Timestamp.newBuilder().setSeconds(Instant.now().minus(duration).getEpochSecond()).build();
  }

  private static AgentMessage health(long seq, VolumeHealth... volumes) {
    HealthReport.Builder report = HealthReport.newBuilder();
    for (VolumeHealth volume : volumes) {
      report.addVolumes(volume);
    }
    return AgentMessage.newBuilder().setSeq(seq).setHealth(report).build();
  }

  private static List<String> names(JsonNode nodes) {
    List<String> names = new ArrayList<>();
    nodes.forEach(n -> names.add(n.get("name").asText()));
    return names;
  }

  @Test
  void alerts_raisedThenCleared_currentShowsOnlyOpenOnes_historyShowsBoth() throws Exception {
    SimulatedAgent edge = online("edge-1");
    sendAcked(edge, alert(1, "alert.raised", "volume-capacity", Severity.SEVERITY_CRITICAL,
        "/opt/ai-q/data", "data 95% used"));
    sendAcked(edge, alert(2, "alert.raised", "schedule-failed:daily", Severity.SEVERITY_WARNING,
        null, "daily snapshot failed"));
    sendAcked(edge, alert(3, "alert.cleared", "schedule-failed:daily", Severity.SEVERITY_INFO,
        null, "daily snapshot ok again"));

    JsonNode current = admin.get("/api/v1/alerts").body();
    assertThat(current).hasSize(1);
    assertThat(current.get(0).get("key").asText()).isEqualTo("volume-capacity:/opt/ai-q/data");
    assertThat(current.get(0).get("level").asText()).isEqualTo("critical");
    assertThat(current.get(0).get("node").asText()).isEqualTo("edge-1");
    assertThat(current.get(0).get("clearedAt").isNull()).isTrue();

    JsonNode history = admin.get("/api/v1/alerts?all=true").body();
    assertThat(history.findValuesAsText("key"))
        .containsExactly("volume-capacity:/opt/ai-q/data", "schedule-failed:daily");
    assertThat(history.get(1).get("clearedAt").isNull()).isFalse();
    assertThat(admin.get("/api/v1/alerts?node=other").body()).isEmpty();
    assertThat(admin.get("/api/v1/alerts?level=critical").body()).hasSize(1);
    assertThat(admin.get("/api/v1/alerts?level=loud").status()).isEqualTo(400);
  }

  @Test
  void volumes_reportWithTierGrowthDriftBackups_shownPerVolumeWithVerdicts() throws Exception {
    SimulatedAgent edge = online("edge-1");
    sendAcked(edge, health(1,
        VolumeHealth.newBuilder().setPath("/opt/ai-q/data").setName("data").setTier("hot")
            .setUsedBytes(95).setCapacityBytes(100).setFreeBytes(5)
            .setStatus(VolumeStatus.VOLUME_STATUS_CRITICAL).setGrowthBytesPerDay(2.5)
            .setDaysToFull(2).addDrift("mode 0755, want 0700")
            .addBackups(BackupStatus.newBuilder().setSchedule("daily").setAction("snapshot")
                .setLastAttempt(ago(Duration.ofMinutes(5))).setLastSuccess(ago(Duration.ofHours(30)))
                .setLastOutcome(Outcome.OUTCOME_FAILED).setMessage("repository locked"))
            .build(),
        VolumeHealth.newBuilder().setPath("/opt/ai-q/cache").setName("cache").setTier("cache")
            .setUsedBytes(10).setCapacityBytes(100).setFreeBytes(90).setDaysToFull(-1)
            .setStatus(VolumeStatus.VOLUME_STATUS_OK).build()));

    JsonNode volumes = admin.get("/api/v1/volumes").body();

    assertThat(volumes).hasSize(2);
    JsonNode data = volumes.get(0).get("path").asText().equals("/opt/ai-q/data")
        ? volumes.get(0) : volumes.get(1);
    assertThat(data.get("node").asText()).isEqualTo("edge-1");
    assertThat(data.get("tier").asText()).isEqualTo("hot");
    assertThat(data.get("status").asText()).isEqualTo("critical");
    assertThat(data.get("growthBytesPerDay").asDouble()).isEqualTo(2.5);
    assertThat(data.get("daysToFull").asDouble()).isEqualTo(2.0);
    assertThat(data.get("drift").get(0).asText()).isEqualTo("mode 0755, want 0700");
    assertThat(data.at("/backups/0/lastOutcome").asText()).isEqualTo("failed");
    assertThat(data.at("/backups/0/failing").asBoolean()).isTrue();
    assertThat(data.get("failingBackups").asBoolean()).isTrue();
    JsonNode problems = admin.get("/api/v1/volumes?backupProblems=true").body();
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).get("path").asText()).isEqualTo("/opt/ai-q/data");
    assertThat(admin.get("/api/v1/volumes?status=critical").body()).hasSize(1);
    assertThat(admin.get("/api/v1/volumes?status=purple").status()).isEqualTo(400);
  }

  @Test
  void nodes_filters_staleFailingBackupsCriticalCapacity_eachKeepsOnlyItsNodes() throws Exception {
    SimulatedAgent quiet = online("quiet");
    quiet.close();
    SimulatedAgent full = online("full");
    SimulatedAgent failing = online("failing");
    Thread.sleep(3500);
    sendAcked(full, health(1, VolumeHealth.newBuilder().setPath("/d").setUsedBytes(99)
        .setCapacityBytes(100).setStatus(VolumeStatus.VOLUME_STATUS_CRITICAL).build()));
    sendAcked(failing, health(1, VolumeHealth.newBuilder().setPath("/d").setUsedBytes(1)
        .setCapacityBytes(100).setStatus(VolumeStatus.VOLUME_STATUS_OK)
        .addBackups(BackupStatus.newBuilder().setSchedule("daily").setAction("snapshot")
            .setLastAttempt(now()).setLastOutcome(Outcome.OUTCOME_FAILED))
        .build()));

    assertThat(names(admin.get("/api/v1/nodes?stale=true").body())).containsExactly("quiet");
    assertThat(admin.get("/api/v1/nodes/quiet").body().get("staleAfterSeconds").asLong())
        .isEqualTo(3);
    assertThat(names(admin.get("/api/v1/nodes?capacity=critical").body()))
        .containsExactly("full");
    assertThat(names(admin.get("/api/v1/nodes?failing-backups=true").body()))
        .containsExactly("failing");
    assertThat(names(admin.get("/api/v1/nodes?filter=capacity-critical,failing-backups").body()))
        .isEmpty();
    assertThat(admin.get("/api/v1/nodes?capacity=low").status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/nodes?filter=nonsense").status()).isEqualTo(400);
  }

  @Test
  void roles_viewerReadsAlertsAndVolumes_anonymousIs401() throws Exception {
    RestClient viewer = admin.as(admin.post("/api/v1/tokens",
        Map.of("name", "v", "role", "viewer")).body().get("token").asText());

    assertThat(viewer.get("/api/v1/alerts").status()).isEqualTo(200);
    assertThat(viewer.get("/api/v1/volumes").status()).isEqualTo(200);
    assertThat(viewer.get("/api/v1/nodes?stale=true").status()).isEqualTo(200);
    assertThat(admin.as(null).get("/api/v1/alerts").status()).isEqualTo(401);
    assertThat(admin.as(null).get("/api/v1/volumes").status()).isEqualTo(401);
  }
}

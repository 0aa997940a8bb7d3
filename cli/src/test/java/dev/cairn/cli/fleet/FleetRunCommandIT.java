package dev.cairn.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.agent.daemon.AgentDaemon;
import dev.cairn.cli.testing.ControllerFixture;
import dev.cairn.cli.testing.Rest;
import dev.cairn.cli.testing.TestAgents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn fleet run} against the real controller and real agents over mutual TLS: node-a
 * online, node-b enrolled and then stopped (offline).
 */
class FleetRunCommandIT {
  @TempDir static Path dir;
  private static ControllerFixture controller;
  private static AgentDaemon online;

  @BeforeAll
  static void start() throws Exception {
    controller = new ControllerFixture(dir.resolve("controller")).start();
    Rest rest = controller.rest();
    String target = controller.running().grpcTarget();
    online = TestAgents.start(dir.resolve("a"), "node-a", target, rest, registry -> {});
    AgentDaemon offline = TestAgents.start(dir.resolve("b"), "node-b", target, rest, registry -> {});
    await().atMost(Duration.ofSeconds(30))
        .until(() -> rest.connected("node-a") && rest.connected("node-b"));
    offline.close();
    await().atMost(Duration.ofSeconds(30)).until(() -> !rest.connected("node-b"));
  }

  @AfterAll
  static void stop() throws Exception {
    online.close();
    controller.close();
  }

  private static FleetCommandIT.Run fleet(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("fleet"));
    all.addAll(List.of(args));
    all.addAll(List.of("--url", controller.running().restUrl().toString(),
        "--token", controller.running().adminToken()));
    return FleetCommandIT.run(all.toArray(String[]::new));
  }

  @Test
  void run_onlineNode_waitsAndPrintsPlayRecap() throws Exception {
    FleetCommandIT.Run run = fleet("run", "node-a", "ping", "payload=hello");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("RUN [ping on node-a]").contains("ok: [node-a]")
        .contains("PLAY RECAP");
    assertThat(run.out()).containsPattern(
        "node-a +: ok=1 +changed=0 +failed=0 +pending=0 +skipped=0");
    assertThat(run.out()).containsPattern("run run-\\S+ completed: 1 hosts, 1 ok");
  }

  @Test
  void run_offlineNodeUntilExpiry_countsItFailedAndExits1() throws Exception {
    FleetCommandIT.Run run = fleet("run", "node-*", "ping", "--ttl", "2");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("ok: [node-a]").contains("failed: [node-b]")
        .contains("unreachable since");
    assertThat(run.out()).containsPattern(
        "node-b +: ok=0 +changed=0 +failed=1 +pending=0 +skipped=0");
    assertThat(run.out()).containsPattern("run run-\\S+ expired: 2 hosts, 1 ok, 0 changed, "
        + "0 failed, 1 expired");
  }

  @Test
  void run_detachJson_showsOfflineNodePendingWithReason() throws Exception {
    FleetCommandIT.Run run = fleet("run", "node-b", "ping", "--detach", "--json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode started = new ObjectMapper().readTree(run.out());
    assertThat(started.get("status").asText()).isEqualTo("running");
    assertThat(started.at("/hosts/0/status").asText()).isEqualTo("pending");
    assertThat(started.at("/hosts/0/reason").asText()).startsWith("unreachable since");

    FleetCommandIT.Run shown = fleet("runs", started.get("id").asText());
    assertThat(shown.exit()).isZero();
    assertThat(shown.out()).containsPattern("node-b +: ok=0 +changed=0 +failed=0 +pending=1");
  }

  @Test
  void run_badPattern_exits1WithTheControllersMessage() throws Exception {
    FleetCommandIT.Run run = fleet("run", "~web(", "ping");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("invalid-request").doesNotContain("Exception");
  }
}

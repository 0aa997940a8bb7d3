package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.daemon.AgentDaemon;
import dev.cairn.cli.testing.ControllerFixture;
import dev.cairn.cli.testing.Rest;
import dev.cairn.cli.testing.TestAgents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real controller and two real agents over mutual TLS on 127.0.0.1. */
class ControlPlaneIT {

  @TempDir Path dir;
  private ControllerFixture controller;
  private final List<AgentDaemon> agents = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    agents.forEach(AgentDaemon::close);
    if (controller != null) {
      controller.close();
    }
  }

  private static boolean connected(Rest rest, String node) throws Exception {
    return rest.connected(node);
  }

  @Test
  void twoAgents_enrollConnectAndReportHealth_restShowsThemConnectedWithHealth() throws Exception {
    controller = new ControllerFixture(dir.resolve("controller")).start();
    Rest rest = controller.rest();
    String target = controller.running().grpcTarget();
    agents.add(TestAgents.start(dir.resolve("a"), "node-a", target, rest, registry -> {}));
    agents.add(TestAgents.start(dir.resolve("b"), "node-b", target, rest, registry -> {}));

    await().atMost(Duration.ofSeconds(30)).until(() -> connected(rest, "node-a") && connected(rest, "node-b")
        && rest.node("node-a").path("health").path("volumes").size() > 0
        && rest.node("node-b").path("health").path("volumes").size() > 0);

    JsonNode nodes = rest.get("/api/v1/nodes");
    assertThat(StreamSupport.stream(nodes.spliterator(), false).map(n -> n.path("name").asText()))
        .contains("node-a", "node-b");
    JsonNode a = rest.node("node-a");
    assertThat(a.path("agentVersion").asText()).isNotEmpty();
    assertThat(a.path("lastSeen").asText()).isNotEmpty();
    JsonNode postgres = StreamSupport.stream(a.path("health").path("volumes").spliterator(), false)
        .filter(v -> v.path("name").asText().equals("postgresql-data")).findFirst().orElseThrow();
    assertThat(postgres.path("path").asText()).isEqualTo(dir.resolve("a/ai-q/data/postgresql").toString());
    assertThat(postgres.path("usedBytes").asLong()).isEqualTo(3);
    assertThat(postgres.path("capacityBytes").asLong()).isPositive();
    assertThat(postgres.path("freeBytes").asLong()).isPositive();
    assertThat(postgres.path("inodesUsedPercent").asDouble()).isBetween(0.0, 100.0);
    assertThat(postgres.path("status").asText()).isIn("ok", "warning", "critical");
    assertThat(agents.get(0).link().nodeName()).isEqualTo("node-a");
  }

  @Test
  void ping_postedOverRest_roundTripsThroughTheAgentAndReportsItsResult() throws Exception {
    controller = new ControllerFixture(dir.resolve("controller")).start();
    Rest rest = controller.rest();
    agents.add(TestAgents.start(dir.resolve("a"), "node-a", controller.running().grpcTarget(), rest, registry -> {}));
    await().atMost(Duration.ofSeconds(30)).until(() -> connected(rest, "node-a"));

    rest.ping("node-a", "ping-1", "hello node");
    await().atMost(Duration.ofSeconds(20)).until(() -> rest.command("ping-1").path("status").asText().equals("ok"));

    JsonNode result = rest.command("ping-1").path("result");
    assertThat(result.path("outcome").asText()).isEqualTo("ok");
    assertThat(result.path("message").asText()).isEqualTo("pong");
    assertThat(result.path("details").path("payload").asText()).isEqualTo("hello node");
    assertThat(agents.get(0).commands().appliedSeq("ping-1")).isPresent();
  }

  @Test
  void reportHealth_command_sendsAFreshReport() throws Exception {
    controller = new ControllerFixture(dir.resolve("controller")).start();
    Rest rest = controller.rest();
    agents.add(TestAgents.start(dir.resolve("a"), "node-a", controller.running().grpcTarget(), rest, registry -> {}));
    await().atMost(Duration.ofSeconds(30)).until(() -> connected(rest, "node-a"));

    rest.post("/api/v1/nodes/node-a/commands", java.util.Map.of("id", "health-1", "kind", "report-health"));
    await().atMost(Duration.ofSeconds(20)).until(() -> rest.command("health-1").path("status").asText().equals("ok"));
    assertThat(rest.command("health-1").path("result").path("details").path("volumes").asInt()).isEqualTo(3);
  }
}

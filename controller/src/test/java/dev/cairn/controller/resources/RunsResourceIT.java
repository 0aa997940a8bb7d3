package dev.cairn.controller.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.controller.ControllerConfiguration;
import dev.cairn.controller.ControllerLauncher;
import dev.cairn.controller.RunningController;
import dev.cairn.controller.testing.RestClient;
import dev.cairn.controller.testing.SimulatedAgent;
import dev.cairn.controller.testing.TestControllers;
import dev.cairn.proto.v1.Ack;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.CommandResult;
import dev.cairn.proto.v1.ControllerMessage;
import dev.cairn.proto.v1.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fleet runs against the real application: host patterns over an applied inventory, commands
 * delivered to agents over real mutual TLS, offline nodes queued, runs ending on results or
 * expiry.
 */
class RunsResourceIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String INVENTORY = """
      all:
        children:
          web:
            hosts:
              web1:
              web2:
          db:
            hosts:
              db1:
      """;

  @TempDir Path dir;
  private RunningController controller;
  private RestClient admin;
  private final List<SimulatedAgent> agents = new java.util.ArrayList<>();

  private ControllerConfiguration config;

  @BeforeEach
  void start() throws Exception {
    config = TestControllers.configuration(dir.resolve("controller"));
    config.setCommandExpiryInterval(io.dropwizard.util.Duration.milliseconds(200));
    controller = ControllerLauncher.start(config);
    admin = new RestClient(controller.restUrl(), controller.adminToken());
    assertThat(admin.putBytes("/api/v1/inventory?name=fleet.yml",
        INVENTORY.getBytes(StandardCharsets.UTF_8), "application/yaml").status()).isEqualTo(201);
    assertThat(admin.post("/api/v1/inventory/versions/1/apply", null).status()).isEqualTo(200);
  }

  @AfterEach
  void stop() throws Exception {
    for (SimulatedAgent agent : agents) {
      agent.close();
    }
    controller.close();
  }

  private SimulatedAgent enrolled(String name) throws Exception {
    SimulatedAgent agent = TestControllers.enrolled(controller, admin, name);
    agents.add(agent);
    return agent;
  }

  private static SimulatedAgent online(SimulatedAgent agent) throws Exception {
    agent.connect().hello(0, 0);
    agent.await(ControllerMessage::hasWelcome, WAIT);
    return agent;
  }

  /** Receives the next command, acknowledges it and answers with {@code outcome}. */
  private static void answer(SimulatedAgent agent, long seq, Outcome outcome, String message)
      throws Exception {
    ControllerMessage command = agent.await(ControllerMessage::hasCommand, WAIT);
    agent.send(AgentMessage.newBuilder()
        .setAck(Ack.newBuilder().setUpToSeq(command.getSeq())).build());
    agent.send(AgentMessage.newBuilder().setSeq(seq).setResult(CommandResult.newBuilder()
        .setCommandId(command.getCommand().getId()).setCommandSeq(command.getSeq())
        .setOutcome(outcome).setMessage(message)).build());
    agent.await(m -> m.hasAck() && m.getAck().getUpToSeq() == seq, WAIT);
  }

  private RestClient.Reply startRun(RestClient client, String pattern, long ttlSeconds)
      throws Exception {
    return client.post("/api/v1/runs", Map.of("pattern", pattern,
        "command", Map.of("kind", "ping", "arguments", Map.of("payload", "hi")),
        "ttlSeconds", ttlSeconds));
  }

  private JsonNode awaitStatus(String id, String status) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode run = admin.get("/api/v1/runs/" + id).body();
    while (!run.get("status").asText().equals(status) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      run = admin.get("/api/v1/runs/" + id).body();
    }
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo(status);
    return run;
  }

  private static Map<String, JsonNode> hosts(JsonNode run) {
    Map<String, JsonNode> hosts = new HashMap<>();
    run.get("hosts").forEach(h -> hosts.put(h.get("node").asText(), h));
    return hosts;
  }

  @Test
  void start_offlineNodeQueuedPending_unenrolledSkipped_runExpiresWithoutItsResult()
      throws Exception {
    SimulatedAgent web1 = online(enrolled("web1"));
    enrolled("web2");

    RestClient.Reply started = startRun(admin, "web:db", 3);

    assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(201);
    String id = started.body().get("id").asText();
    Map<String, JsonNode> hosts = hosts(started.body());
    assertThat(hosts).containsOnlyKeys("web1", "web2", "db1");
    assertThat(hosts.get("web2").get("status").asText()).isEqualTo("pending");
    assertThat(hosts.get("web2").get("reason").asText()).startsWith("unreachable since");
    assertThat(hosts.get("db1").get("status").asText()).isEqualTo("skipped");
    assertThat(hosts.get("db1").get("reason").asText()).contains("not enrolled");

    answer(web1, 1, Outcome.OUTCOME_OK, "pong");
    JsonNode running = admin.get("/api/v1/runs/" + id).body();
    assertThat(running.get("status").asText()).isEqualTo("running");
    assertThat(hosts(running).get("web1").get("status").asText()).isEqualTo("ok");
    assertThat(hosts(running).get("web1").get("message").asText()).isEqualTo("pong");

    JsonNode ended = awaitStatus(id, "expired");
    assertThat(ended.at("/counts/ok").asInt()).isEqualTo(1);
    assertThat(ended.at("/counts/skipped").asInt()).isEqualTo(1);
    assertThat(ended.at("/counts/expired").asInt()).isEqualTo(1);
    assertThat(ended.at("/counts/pending").asInt()).isZero();
    assertThat(hosts(ended).get("web2").get("reason").asText()).contains("unreachable since");
    assertThat(ended.get("ended").isNull()).isFalse();
  }

  @Test
  void start_nodeComesOnlineBeforeExpiry_getsQueuedCommand_runCompletes() throws Exception {
    SimulatedAgent web1 = online(enrolled("web1"));
    SimulatedAgent web2 = enrolled("web2");

    String id = startRun(admin, "web", 60).body().get("id").asText();
    answer(web1, 1, Outcome.OUTCOME_CHANGED, "changed something");
    JsonNode running = admin.get("/api/v1/runs/" + id).body();
    assertThat(running.get("status").asText()).as(running.toString()).isEqualTo("running");
    online(web2);
    answer(web2, 1, Outcome.OUTCOME_FAILED, "disk on fire");

    JsonNode ended = awaitStatus(id, "completed");
    assertThat(ended.at("/counts/total").asInt()).isEqualTo(2);
    assertThat(ended.at("/counts/changed").asInt()).isEqualTo(1);
    assertThat(ended.at("/counts/failed").asInt()).isEqualTo(1);
    assertThat(hosts(ended).get("web2").get("message").asText()).isEqualTo("disk on fire");
    assertThat(admin.get("/api/v1/runs").body().findValuesAsText("id")).contains(id);
  }

  @Test
  void start_controllerRestartsMidRun_runAndQueuedCommandSurvive() throws Exception {
    SimulatedAgent web2 = enrolled("web2");
    String id = startRun(admin, "web2", 60).body().get("id").asText();

    controller.close();
    controller = ControllerLauncher.start(config);
    admin = new RestClient(controller.restUrl(), controller.adminToken());
    SimulatedAgent reconnected = new SimulatedAgent("web2", controller.grpcTarget(),
        controller.caCertificate()).withIdentity(web2.keys(), web2.certificate());
    agents.add(reconnected);
    assertThat(admin.get("/api/v1/runs/" + id).body().get("status").asText())
        .isEqualTo("running");
    online(reconnected);
    answer(reconnected, 1, Outcome.OUTCOME_OK, "pong after restart");

    JsonNode ended = awaitStatus(id, "completed");
    assertThat(hosts(ended).get("web2").get("message").asText()).isEqualTo("pong after restart");
  }

  @Test
  void start_badInput_is400WithReason() throws Exception {
    RestClient.Reply badPattern = startRun(admin, "~web(", 60);
    RestClient.Reply badKind = admin.post("/api/v1/runs", Map.of("pattern", "web",
        "command", Map.of("kind", "reboot-the-world")));
    RestClient.Reply noPattern = admin.post("/api/v1/runs", Map.of("command",
        Map.of("kind", "ping")));
    RestClient.Reply badTtl = startRun(admin, "web", -5);

    assertThat(badPattern.status()).isEqualTo(400);
    assertThat(badKind.status()).isEqualTo(400);
    assertThat(badKind.body().get("message").asText()).contains("reboot-the-world");
    assertThat(noPattern.status()).isEqualTo(400);
    assertThat(badTtl.status()).isEqualTo(400);
    assertThat(admin.get("/api/v1/runs").body()).isEmpty();
    assertThat(admin.get("/api/v1/runs/run-nope").status()).isEqualTo(404);
  }

  @Test
  void start_roles_viewerForbiddenOperatorAllowedAnonymousUnauthenticated() throws Exception {
    RestClient viewer = admin.as(admin.post("/api/v1/tokens",
        Map.of("name", "v", "role", "viewer")).body().get("token").asText());
    RestClient operator = admin.as(admin.post("/api/v1/tokens",
        Map.of("name", "o", "role", "operator")).body().get("token").asText());

    assertThat(startRun(viewer, "web", 60).status()).isEqualTo(403);
    assertThat(startRun(admin.as(null), "web", 60).status()).isEqualTo(401);
    RestClient.Reply started = startRun(operator, "web", 60);
    assertThat(started.status()).isEqualTo(201);
    assertThat(viewer.get("/api/v1/runs/" + started.body().get("id").asText()).status())
        .isEqualTo(200);
  }
}

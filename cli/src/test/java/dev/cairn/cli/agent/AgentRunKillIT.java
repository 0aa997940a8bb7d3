package dev.cairn.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.outbox.BudgetListener;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.agent.outbox.OutboxOptions;
import dev.cairn.cli.testing.CairnProcess;
import dev.cairn.cli.testing.ControllerFixture;
import dev.cairn.cli.testing.Rest;
import dev.cairn.cli.testing.TcpProxy;
import dev.cairn.proto.v1.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn agent run} as a real process, SIGKILLed repeatedly while it delivers a full outbox
 * through a slow link: after the last restart every entry has arrived exactly once and every queued
 * command was applied.
 */
class AgentRunKillIT {

  private static final int FILL = 800;

  @TempDir Path dir;
  private ControllerFixture controller;
  private TcpProxy proxy;
  private CairnProcess agent;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (controller != null) {
      controller.close();
    }
  }

  @Test
  void kill9_whileDeliveringAFullOutbox_nothingIsLostOrDuplicatedAfterRestart() throws Exception {
    controller = new ControllerFixture(dir.resolve("controller")).start();
    Rest rest = controller.rest();
    proxy = new TcpProxy(controller.grpcPort());
    JsonNode token = rest.createEnrollmentToken("killed");
    Path state = dir.resolve("state");
    Path config = dir.resolve("agent.yml");
    Files.createDirectories(dir.resolve("ai-q/data/redis"));
    Files.writeString(config, """
        controller: %s
        nodeName: killed
        stateDir: %s
        baseDir: %s
        enrollment:
          token: %s
          caFingerprint: %s
        health:
          intervalSeconds: 1
        link:
          reconnectInitialMillis: 50
          reconnectMaxMillis: 500
        """.formatted(proxy.target(), state, dir.resolve("ai-q"), token.path("token").asText(),
        token.path("caFingerprint").asText()));
    Path log = dir.resolve("agent.log");

    agent = CairnProcess.start(log, "agent", "run", config.toString());
    await().atMost(Duration.ofSeconds(60)).until(() -> rest.connected("killed"));
    agent.kill9();
    proxy.setDown(true);

    // a full outbox: numbered entries written with the agent's own outbox code while it is down
    try (Outbox outbox = Outbox.open(state.resolve("outbox"), OutboxOptions.DEFAULTS, Clock.systemUTC(),
        BudgetListener.NONE)) {
      EventPublisher events = new EventPublisher(outbox, Clock.systemUTC());
      for (int n = 1; n <= FILL; n++) {
        events.publish("e2e.fill", Severity.SEVERITY_INFO, "entry " + n, Map.of("n", Integer.toString(n)));
      }
    }
    List<String> commands = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      commands.add("kill-ping-" + i);
      rest.ping("killed", "kill-ping-" + i, "p" + i);
    }

    proxy.throttle(15_000);
    proxy.setDown(false);
    Random random = new Random(7);
    int kills = 0;
    int delivered = 0;
    while (kills < 3) {
      agent = CairnProcess.start(log, "agent", "run", config.toString());
      int before = delivered;
      await().atMost(Duration.ofSeconds(60)).until(() -> count(rest) > before || count(rest) == FILL);
      Thread.sleep(random.nextInt(800));
      agent.kill9();
      kills++;
      delivered = count(rest);
      if (delivered == FILL) {
        break;
      }
    }
    assertThat(kills).as("killed while delivering, not after").isGreaterThanOrEqualTo(2);

    proxy.throttle(0);
    agent = CairnProcess.start(log, "agent", "run", config.toString());
    await().atMost(Duration.ofSeconds(60)).until(() -> count(rest) >= FILL
        && commands.stream().allMatch(id -> status(rest, id).equals("ok")));

    List<Integer> numbers = new ArrayList<>();
    for (JsonNode event : rest.events("killed", "e2e.fill")) {
      numbers.add(Integer.parseInt(event.path("attributes").path("n").asText()));
    }
    Collections.sort(numbers);
    List<Integer> expected = new ArrayList<>();
    for (int n = 1; n <= FILL; n++) {
      expected.add(n);
    }
    assertThat(numbers).as("every outbox entry exactly once").containsExactlyElementsOf(expected);

    agent.signal("INT");
    assertThat(agent.waitForExit(Duration.ofSeconds(30))).as("exit code after SIGINT").isZero();
    assertThat(agent.log()).contains("SIGINT received, stopping");
  }

  private static int count(Rest rest) throws Exception {
    return rest.events("killed", "e2e.fill").size();
  }

  private static String status(Rest rest, String id) {
    try {
      return rest.command(id).path("status").asText();
    } catch (Exception e) {
      return "unknown";
    }
  }
}

package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.daemon.AgentDaemon;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.cli.testing.ControllerFixture;
import dev.cairn.cli.testing.Rest;
import dev.cairn.cli.testing.TcpProxy;
import dev.cairn.cli.testing.TestAgents;
import dev.cairn.proto.v1.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store-and-forward under fire: two real agents reach the real controller through a TCP proxy;
 * 55 seeded random faults (connections dropped, the link down for a while, the controller stopped
 * and restarted on the same data) while the agents keep producing reports and commands are
 * queued for them. Afterwards every report has arrived exactly once and every command was applied
 * exactly once, in order.
 */
class LinkCutIT {

  private static final long SEED = 20261126L;
  private static final int FAULTS = 55;
  private static final int TICKS_PER_AGENT = 600;

  @TempDir Path dir;
  private ControllerFixture controller;
  private TcpProxy proxy;
  private final List<AgentDaemon> agents = new ArrayList<>();
  private final AtomicBoolean ticking = new AtomicBoolean(true);

  @AfterEach
  void stop() throws Exception {
    ticking.set(false);
    agents.forEach(AgentDaemon::close);
    if (proxy != null) {
      proxy.close();
    }
    if (controller != null) {
      controller.close();
    }
  }

  @Test
  void faults_whileReportsAndCommandsFlow_everyReportArrivesOnceAndEveryCommandRunsOnceInOrder() throws Exception {
    controller = new ControllerFixture(dir.resolve("controller")).start();
    proxy = new TcpProxy(controller.grpcPort());
    List<String> nodes = List.of("cut-a", "cut-b");
    Map<String, List<String>> applied = new HashMap<>();
    Map<String, List<String>> posted = new HashMap<>();
    Map<String, AtomicInteger> ticks = new HashMap<>();
    for (String node : nodes) {
      List<String> record = Collections.synchronizedList(new ArrayList<>());
      applied.put(node, record);
      posted.put(node, new ArrayList<>());
      agents.add(TestAgents.start(dir.resolve(node), node, proxy.target(), controller.rest(), registry ->
          registry.replace(Command.Ping.class, (ping, context) -> {
            record.add(ping.payload());
            return Completion.ok("pong");
          })));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> controller.rest().connected("cut-a")
        && controller.rest().connected("cut-b"));

    List<Thread> producers = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      AtomicInteger produced = new AtomicInteger();
      ticks.put(nodes.get(i), produced);
      EventPublisher events = new EventPublisher(agents.get(i).outbox(), Clock.systemUTC());
      Thread producer = new Thread(() -> produce(events, produced), "ticks-" + nodes.get(i));
      producer.start();
      producers.add(producer);
    }

    Random random = new Random(SEED);
    int commandNumber = 0;
    int controllerRestarts = 0;
    for (int fault = 0; fault < FAULTS; fault++) {
      // Every fault must sever live links, not hit agents still backing off from the last one.
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
          .until(() -> controller.rest().connected("cut-a") && controller.rest().connected("cut-b"));
      for (String node : nodes) {
        String payload = node + "-" + (++commandNumber);
        controller.rest().ping(node, payload, payload);
        posted.get(node).add(payload);
      }
      int kind = random.nextInt(10);
      if (kind < 6) {
        proxy.cutAll();
      } else if (kind < 9) {
        proxy.setDown(true);
        for (String node : nodes) { // queued while the node is unreachable
          String payload = node + "-" + (++commandNumber);
          controller.rest().ping(node, payload, payload);
          posted.get(node).add(payload);
        }
        Thread.sleep(100 + random.nextInt(700));
        proxy.setDown(false);
      } else {
        controller.stop();
        controllerRestarts++;
        Thread.sleep(100 + random.nextInt(500));
        controller.start();
      }
      Thread.sleep(random.nextInt(400));
    }
    ticking.set(false);
    for (Thread producer : producers) {
      producer.join();
    }

    Rest rest = controller.rest();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
      for (String node : nodes) {
        if (rest.events(node, "e2e.tick").size() < ticks.get(node).get()
            || applied.get(node).size() < posted.get(node).size()) {
          return false;
        }
      }
      return true;
    });

    for (String node : nodes) {
      List<Integer> numbers = new ArrayList<>();
      for (JsonNode event : rest.events(node, "e2e.tick")) {
        numbers.add(Integer.parseInt(event.path("attributes").path("n").asText()));
      }
      Collections.sort(numbers);
      List<Integer> expected = new ArrayList<>();
      for (int n = 1; n <= ticks.get(node).get(); n++) {
        expected.add(n);
      }
      assertThat(numbers).as("reports of %s, each exactly once", node).containsExactlyElementsOf(expected);
      assertThat(applied.get(node)).as("commands applied on %s, once each, in order", node)
          .containsExactlyElementsOf(posted.get(node));
      for (String id : posted.get(node)) {
        assertThat(rest.command(id).path("status").asText()).as("status of %s", id).isEqualTo("ok");
      }
      assertThat(rest.node(node).path("health").path("volumes").size()).isPositive();
    }
    assertThat(controllerRestarts).as("the seed must exercise controller restarts").isGreaterThanOrEqualTo(2);
    assertThat(proxy.connectionsAccepted()).isGreaterThan(FAULTS);
  }

  private void produce(EventPublisher events, AtomicInteger produced) {
    while (ticking.get() && produced.get() < TICKS_PER_AGENT) {
      try {
        int n = produced.get() + 1;
        events.publish("e2e.tick", Severity.SEVERITY_INFO, "tick " + n, Map.of("n", Integer.toString(n)));
        produced.set(n);
        Thread.sleep(40);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

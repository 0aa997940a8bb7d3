package dev.cairn.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.agent.job.BackupSettings;
import dev.cairn.agent.job.OpenedRepository;
import dev.cairn.agent.job.RepositoryAccess;
import dev.cairn.agent.outbox.EntryKind;
import dev.cairn.agent.outbox.OutboxEntry;
import dev.cairn.agent.schedule.RunReporter;
import dev.cairn.agent.schedule.ScheduleSettings;
import dev.cairn.agent.wire.Attributes;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Event;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent whose controller cannot be reached, started after being off for 40 days: every
 * schedule runs once at start (not once per missed slot), on the real repository, and the results
 * wait in the outbox.
 */
class OfflineSchedulesIT {

  @TempDir Path dir;

  @Test
  void start_afterFortyDaysOffWithControllerUnreachable_runsEachMissedScheduleOnce() throws Exception {
    Path base = dir.resolve("ai-q");
    Files.createDirectories(base.resolve("data/postgresql"));
    Files.writeString(base.resolve("data/postgresql/PG_VERSION"), "15\n");
    Path state = dir.resolve("state");
    long fortyDaysAgo = Instant.now().minus(Duration.ofDays(40)).toEpochMilli();
    String slots = ScheduleSettings.DEFAULT_EXPRESSIONS.keySet().stream()
        .map(name -> "\"" + name + "\": " + fortyDaysAgo).collect(Collectors.joining(", "));
    Files.createDirectories(state.resolve("schedules"));
    Files.writeString(state.resolve("schedules/history.json"), "{\"slots\": {" + slots + "}, \"runs\": {}}");
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AgentConfiguration configuration = new AgentConfiguration().setController("127.0.0.1:" + closedPort)
        .setNodeName("node-1").setStateDir(state).setBaseDir(base)
        .setReconnect(Duration.ofMillis(50), Duration.ofMillis(500));

    try (AgentDaemon agent = AgentDaemon.start(configuration)) {
      List<String> expected = List.copyOf(ScheduleSettings.DEFAULT_EXPRESSIONS.keySet());
      await().atMost(Duration.ofSeconds(90)).until(() -> runEvents(agent).size() >= expected.size());
      Thread.sleep(500); // a second run of anything would show up now
      List<Event> runs = runEvents(agent);
      Map<String, Long> perSchedule = runs.stream()
          .collect(Collectors.groupingBy(e -> Attributes.toMap(e.getAttributesList()).get("schedule"), Collectors.counting()));
      assertThat(perSchedule).containsOnlyKeys(expected).allSatisfy((name, count) -> assertThat(count).isOne());
      assertThat(runs).allSatisfy(e -> assertThat(Attributes.toMap(e.getAttributesList()).get("outcome")).as(e.getMessage())
          .isIn("ok", "changed"));
      assertThat(agent.link().isConnected()).isFalse();

      BackupSettings backup = configuration.backupSettings();
      try (OpenedRepository archive = new RepositoryAccess().open(backup.archive(), backup.archivePasswordFile())) {
        assertThat(archive.repository().snapshots()).singleElement()
            .satisfies(s -> assertThat(s.tags()).containsExactly("monthly"));
      }
      assertThat(agent.backupStatus().statusOf("postgresql-data"))
          .filteredOn(s -> s.schedule().equals("restore-test"))
          .singleElement().satisfies(s -> assertThat(s.lastOutcome()).isEqualTo("ok"));
    }
  }

  private static List<Event> runEvents(AgentDaemon agent) throws Exception {
    return events(agent, RunReporter.EVENT_KIND);
  }

  /** The events of {@code kind} in the agent's outbox (also for other agent tests). */
  static List<Event> events(AgentDaemon agent, String kind) throws Exception {
    List<Event> events = new ArrayList<>();
    for (OutboxEntry entry : agent.outbox().read(0, 10_000)) {
      if (entry.kind() == EntryKind.EVENT) {
        Event event = AgentMessage.parseFrom(entry.payload()).getEvent();
        if (event.getKind().equals(kind)) {
          events.add(event);
        }
      }
    }
    return events;
  }
}

package dev.cairn.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.alert.ActiveAlert;
import dev.cairn.agent.alert.AlertService;
import dev.cairn.agent.alert.Alerts.AlertLevel;
import dev.cairn.agent.outbox.BudgetListener;
import dev.cairn.agent.outbox.EntryKind;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.agent.outbox.OutboxEntry;
import dev.cairn.agent.outbox.OutboxOptions;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthAlertsTest {

  private static final String PATH = "/opt/ai-q/data/postgresql";

  @TempDir Path dir;
  private Outbox outbox;
  private AlertService alerts;
  private HealthAlerts health;

  @BeforeEach
  void open() throws IOException {
    outbox = Outbox.open(dir.resolve("outbox"), OutboxOptions.DEFAULTS, Clock.systemUTC(), BudgetListener.NONE);
    alerts = AlertService.open(dir.resolve("alerts"), outbox, Clock.systemUTC());
    health = new HealthAlerts(alerts);
  }

  @AfterEach
  void close() throws IOException {
    outbox.close();
  }

  private static HealthReport report(Finding... findings) {
    return new HealthReport(Instant.now(), List.of(new VolumeHealth(PATH, "postgresql-data", "postgresql", "hot",
        0, 0, 0, -1, 0, -1, List.of(), List.of(), List.of(findings))));
  }

  private List<Event> events() throws IOException {
    List<Event> events = new ArrayList<>();
    for (OutboxEntry entry : outbox.read(0, 1000)) {
      if (entry.kind() == EntryKind.EVENT) {
        events.add(AgentMessage.parseFrom(entry.payload()).getEvent());
      }
    }
    return events;
  }

  @Test
  void update_findingsComeAndGo_raiseAndClearTheirKeysWithVolumeAttributes() throws IOException {
    Finding capacity = new Finding(Condition.CAPACITY, PATH, VolumeStatus.CRITICAL, "filesystem 95.0% full");
    Finding drift = new Finding(Condition.DRIFT, PATH, VolumeStatus.WARNING, "differs: mode 0755, want 0700");
    Finding note = new Finding(Condition.MEASUREMENT, PATH, VolumeStatus.OK, "3 entries could not be read");
    health.update(report(capacity, drift, note));
    health.update(report(capacity, drift, note));

    assertThat(alerts.active()).extracting(ActiveAlert::key)
        .containsExactlyInAnyOrder("volume-capacity:" + PATH, "volume-drift:" + PATH);
    ActiveAlert raised = alerts.active("volume-capacity:" + PATH).orElseThrow();
    assertThat(raised.level()).isEqualTo(AlertLevel.CRITICAL);
    assertThat(raised.message()).isEqualTo("postgresql-data: filesystem 95.0% full");
    assertThat(raised.attributes()).containsEntry("volume", "postgresql-data").containsEntry("path", PATH)
        .containsEntry("service", "postgresql").containsEntry("tier", "hot");

    health.update(report(drift));
    assertThat(alerts.active()).extracting(ActiveAlert::key).containsExactly("volume-drift:" + PATH);
    List<Event> events = events();
    assertThat(events).extracting(Event::getKind).containsExactly("alert.raised", "alert.raised", "alert.cleared");
    assertThat(events.get(2).getMessage()).isEqualTo("postgresql-data: filesystem use is under the warning"
        + " threshold again");
  }

  @Test
  void update_volumeCouldNotBeMeasured_keepsItsAlertsAndLeavesOthersAlone() throws IOException {
    alerts.raise("schedule-failed:daily", AlertLevel.WARNING, "the scheduler's own", Map.of());
    health.update(report(new Finding(Condition.CAPACITY, PATH, VolumeStatus.WARNING, "85% full")));

    health.update(report(new Finding(Condition.MEASUREMENT, PATH, VolumeStatus.WARNING, "cannot measure: EIO")));
    assertThat(alerts.active()).extracting(ActiveAlert::key)
        .containsExactlyInAnyOrder("volume-capacity:" + PATH, "schedule-failed:daily");

    health.update(report());
    assertThat(alerts.active()).extracting(ActiveAlert::key).containsExactly("schedule-failed:daily");
  }
}

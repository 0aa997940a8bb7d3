package dev.cairn.agent.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.alert.AlertStore.Pending;
import dev.cairn.agent.alert.Alerts.AlertLevel;
import dev.cairn.agent.outbox.BudgetListener;
import dev.cairn.agent.outbox.EntryKind;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.agent.outbox.OutboxEntry;
import dev.cairn.agent.outbox.OutboxOptions;
import dev.cairn.agent.testing.MutableClock;
import dev.cairn.agent.wire.Attributes;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Event;
import dev.cairn.proto.v1.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertServiceTest {

  private static final String KEY = "volume-capacity:/opt/ai-q/data";

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
  private Outbox outbox;

  @BeforeEach
  void openOutbox() throws IOException {
    outbox = Outbox.open(dir.resolve("outbox"), OutboxOptions.DEFAULTS, clock, BudgetListener.NONE);
  }

  @AfterEach
  void closeOutbox() throws IOException {
    outbox.close();
  }

  private List<Event> events() throws IOException {
    List<Event> events = new ArrayList<>();
    for (OutboxEntry entry : outbox.read(0, 10_000)) {
      if (entry.kind() == EntryKind.EVENT) {
        events.add(AgentMessage.parseFrom(entry.payload()).getEvent());
      }
    }
    return events;
  }

  private AlertService open() throws IOException {
    return AlertService.open(dir.resolve("alerts"), outbox, clock);
  }

  @Test
  void raise_sameConditionRepeatedly_sendsOneEventUntilItClears() throws IOException {
    AlertService alerts = open();
    alerts.raise(KEY, AlertLevel.WARNING, "data: 85% full", Map.of("volume", "data"));
    clock.advance(Duration.ofMinutes(1));
    alerts.raise(KEY, AlertLevel.WARNING, "data: 86% full", Map.of("volume", "data"));
    alerts.raise(KEY, AlertLevel.WARNING, "data: 87% full", Map.of("volume", "data"));

    List<Event> events = events();
    assertThat(events).hasSize(1);
    Event raised = events.get(0);
    assertThat(raised.getKind()).isEqualTo("alert.raised");
    assertThat(raised.getSeverity()).isEqualTo(Severity.SEVERITY_WARNING);
    assertThat(raised.getMessage()).isEqualTo("data: 85% full");
    assertThat(Attributes.toMap(raised.getAttributesList())).containsEntry("key", KEY).containsEntry("alert", "volume-capacity")
        .containsEntry("level", "warning").containsEntry("previous", "ok").containsEntry("volume", "data");
    assertThat(alerts.active(KEY).orElseThrow().since()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
  }

  @Test
  void raise_levelChanges_sendsOneEventPerChangeAndClearOnce() throws IOException {
    AlertService alerts = open();
    alerts.raise(KEY, AlertLevel.WARNING, "85%", Map.of());
    alerts.raise(KEY, AlertLevel.CRITICAL, "95%", Map.of());
    alerts.raise(KEY, AlertLevel.CRITICAL, "96%", Map.of());
    alerts.clear(KEY, "under 80% again");
    alerts.clear(KEY, "under 80% again");
    alerts.clear("volume-capacity:/never/raised", "nothing");

    List<Event> events = events();
    assertThat(events).extracting(Event::getKind).containsExactly("alert.raised", "alert.raised", "alert.cleared");
    assertThat(events.get(1).getSeverity()).isEqualTo(Severity.SEVERITY_CRITICAL);
    assertThat(Attributes.toMap(events.get(1).getAttributesList())).containsEntry("previous", "warning").containsEntry("level", "critical");
    assertThat(Attributes.toMap(events.get(2).getAttributesList())).containsEntry("previous", "critical").containsEntry("level", "ok");
    assertThat(events.get(2).getMessage()).isEqualTo("under 80% again");
    assertThat(events).extracting(Event::getId).doesNotHaveDuplicates();
    assertThat(alerts.active()).isEmpty();
  }

  @Test
  void open_afterRestart_keepsActiveAlertsSoNothingIsRaisedTwice() throws IOException {
    AlertService first = open();
    first.raise(KEY, AlertLevel.CRITICAL, "95%", Map.of("volume", "data"));
    first.raise("schedule-failed:daily", AlertLevel.WARNING, "daily failed", Map.of());

    AlertService restarted = open();
    assertThat(restarted.active()).extracting(ActiveAlert::key).containsExactly("schedule-failed:daily", KEY);
    assertThat(restarted.active(KEY).orElseThrow().attributes()).containsEntry("volume", "data");
    restarted.raise(KEY, AlertLevel.CRITICAL, "96%", Map.of());
    assertThat(events()).hasSize(2);

    restarted.clear(KEY, "ok again");
    AlertService again = open();
    assertThat(again.active()).extracting(ActiveAlert::key).containsExactly("schedule-failed:daily");
    again.clear(KEY, "ok again");
    assertThat(events()).extracting(Event::getKind).containsExactly("alert.raised", "alert.raised", "alert.cleared");
  }

  @Test
  void open_crashAfterStateBeforeOutbox_appendsThePendingEventOnce() throws IOException {
    AlertService alerts = open();
    alerts.raise(KEY, AlertLevel.WARNING, "85%", Map.of());
    // what commit() leaves when the agent dies between the state file and the outbox append
    Event cleared = AlertEvents.cleared(alerts.active(KEY).orElseThrow(), "ok again", clock.instant());
    AlertStore store = new AlertStore(dir.resolve("alerts"));
    store.write(List.of(), Optional.of(new Pending(outbox.lastSeq(), AlertEvents.envelope(cleared))));

    AlertService recovered = open();
    assertThat(recovered.active()).isEmpty();
    open();
    List<Event> events = events();
    assertThat(events).extracting(Event::getKind).containsExactly("alert.raised", "alert.cleared");
    assertThat(events.get(1).getId()).isEqualTo(cleared.getId());
    assertThat(store.read().pending()).isEmpty();
  }

  @Test
  void open_crashAfterOutboxBeforeTidy_doesNotSendTheEventAgain() throws IOException {
    AlertService alerts = open();
    alerts.raise(KEY, AlertLevel.WARNING, "85%", Map.of());
    Event cleared = AlertEvents.cleared(alerts.active(KEY).orElseThrow(), "ok again", clock.instant());
    AlertStore store = new AlertStore(dir.resolve("alerts"));
    long before = outbox.lastSeq();
    outbox.append(EntryKind.EVENT, 0, AlertEvents.envelope(cleared).toByteArray());
    store.write(List.of(), Optional.of(new Pending(before, AlertEvents.envelope(cleared))));

    open();
    assertThat(events()).extracting(Event::getKind).containsExactly("alert.raised", "alert.cleared");
  }

  @Test
  void open_damagedStateFile_movesItAsideAndStartsEmpty() throws IOException {
    AlertService alerts = open();
    alerts.raise(KEY, AlertLevel.WARNING, "85%", Map.of());
    Path file = dir.resolve("alerts/active");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(file, bytes);

    AlertService reopened = open();
    assertThat(reopened.active()).isEmpty();
    assertThat(dir.resolve("alerts/active.damaged")).exists();
    reopened.raise(KEY, AlertLevel.WARNING, "85%", Map.of());
    assertThat(events()).hasSize(2);
  }

  @Test
  void raise_blankOrMultiLineKey_isRefused() throws IOException {
    AlertService alerts = open();
    assertThatThrownBy(() -> alerts.raise(" ", AlertLevel.WARNING, "x", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one non-empty line");
    assertThatThrownBy(() -> alerts.clear("a\nb", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(events()).isEmpty();
  }
}

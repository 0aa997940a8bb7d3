package dev.cairn.agent.alert;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.cairn.agent.alert.AlertStore.Pending;
import dev.cairn.agent.outbox.EntryKind;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.agent.outbox.OutboxEntry;
import dev.cairn.agent.wire.Attributes;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's {@link Alerts}: active alerts kept in {@code <stateDir>/alerts/active}, each
 * transition (raised, level changed, cleared) sent once as an event through the outbox — also
 * across restarts and crashes.
 *
 * <p>A transition is written ahead: first the new state together with the event (<em>pending</em>)
 * to the state file, then the event to the outbox, then the state without the pending event. On
 * start a pending event is looked up among the outbox entries after the seq noted with it; if it
 * is not there it is appended then (with the same event id). Thread-safe.
 */
public final class AlertService implements Alerts {

  private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
  private static final int SCAN_BATCH = 512;

  private final AlertStore store;
  private final Outbox outbox;
  private final Clock clock;
  private final Map<String, Event> active = new TreeMap<>();

  private AlertService(AlertStore store, Outbox outbox, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Opens the alert state in {@code dir} (creating it), finishing a transition a crash interrupted. */
  public static AlertService open(Path dir, Outbox outbox, Clock clock) throws IOException {
    Files.createDirectories(dir);
    AlertService service = new AlertService(new AlertStore(dir), outbox, clock);
    service.recover();
    return service;
  }

  private void recover() throws IOException {
    AlertStore.Content content;
    try {
      content = store.read();
    } catch (AlertStore.DamagedException e) {
      LOG.error("alerts: {}", e.getMessage());
      content = new AlertStore.Content(List.of(), Optional.empty());
    }
    for (Event event : content.active()) {
      active.put(AlertEvents.active(event).key(), event);
    }
    if (content.pending().isPresent()) {
      Pending pending = content.pending().get();
      if (!inOutbox(pending)) {
        outbox.append(EntryKind.EVENT, 0, pending.message().toByteArray());
        LOG.info("alerts: the agent stopped while writing event {} ({}); written now", pending.message().getEvent()
            .getId(), pending.message().getEvent().getKind());
      }
      store.write(List.copyOf(active.values()), Optional.empty());
    }
  }

  /** Whether the pending event is among the outbox entries after the seq noted with it. */
  private boolean inOutbox(Pending pending) throws IOException {
    String id = pending.message().getEvent().getId();
    long after = pending.seqBefore();
    while (true) {
      List<OutboxEntry> batch = outbox.read(after, SCAN_BATCH);
      if (batch.isEmpty()) {
        return false;
      }
      for (OutboxEntry entry : batch) {
        if (entry.kind() == EntryKind.EVENT && eventId(entry).equals(id)) {
          return true;
        }
        after = entry.seq();
      }
    }
  }

  private static String eventId(OutboxEntry entry) {
    try {
      return AgentMessage.parseFrom(entry.payload()).getEvent().getId();
    } catch (InvalidProtocolBufferException e) {
      return "";
    }
  }

  @Override
  public synchronized void raise(String key, AlertLevel level, String message, Map<String, String> attributes)
      throws IOException {
    checkKey(key);
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
    Event current = active.get(key);
    AlertLevel previous = current == null ? null : AlertEvents.active(current).level();
    if (previous == level) {
      return;
    }
    ActiveAlert alert = new ActiveAlert(key, level, message, AlertEvents.attributes(key, level, attributes),
        clock.instant());
    Event event = AlertEvents.raised(alert, previous);
    Map<String, Event> next = new TreeMap<>(active);
    next.put(key, event);
    commit(next, event);
  }

  @Override
  public synchronized void clear(String key, String message) throws IOException {
    checkKey(key);
    Objects.requireNonNull(message, "message");
    Event current = active.get(key);
    if (current == null) {
      return;
    }
    Map<String, Event> next = new TreeMap<>(active);
    next.remove(key);
    commit(next, AlertEvents.cleared(AlertEvents.active(current), message, clock.instant()));
  }

  /** The alerts raised now, by key. */
  public synchronized List<ActiveAlert> active() {
    return active.values().stream().map(AlertEvents::active).toList();
  }

  /** The active alert of {@code key}, if it is raised. */
  public synchronized Optional<ActiveAlert> active(String key) {
    return Optional.ofNullable(active.get(key)).map(AlertEvents::active);
  }

  private void commit(Map<String, Event> next, Event event) throws IOException {
    AgentMessage message = AlertEvents.envelope(event);
    store.write(List.copyOf(next.values()), Optional.of(new Pending(outbox.lastSeq(), message)));
    outbox.append(EntryKind.EVENT, 0, message.toByteArray());
    active.clear();
    active.putAll(next);
    LOG.info("alert {}: {} ({})", event.getKind().equals(AlertEvents.CLEARED) ? "cleared" : "raised",
        Attributes.toMap(event.getAttributesList()).getOrDefault("key", ""), event.getMessage());
    try {
      store.write(List.copyOf(next.values()), Optional.empty());
    } catch (IOException e) {
      // the event is out and the state file already holds the new state; on restart the pending
      // event is found in the outbox, or sent again under the same id if the controller took it
      LOG.warn("alerts: cannot tidy {} after an event ({}); retried with the next change", store.file(),
          e.getMessage());
    }
  }

  private static void checkKey(String key) {
    if (key == null || key.isBlank() || key.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("an alert key is one non-empty line, got '" + key + "'");
    }
  }
}

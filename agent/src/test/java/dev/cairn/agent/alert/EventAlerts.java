package dev.cairn.agent.alert;

import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.proto.v1.Severity;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal {@link Alerts}: sends {@code alert.raised} / {@code alert.cleared} events through the
 * outbox, once per change of a key's level, remembering raised alerts in memory only (after a
 * restart a still-failing condition is raised again). A test double for the scheduler tests; the
 * daemon uses the persistent {@link AlertService}. Thread-safe.
 */
public final class EventAlerts implements Alerts {

  private final EventPublisher events;
  private final Map<String, AlertLevel> raised = new HashMap<>();

  public EventAlerts(EventPublisher events) {
    this.events = events;
  }

  @Override
  public synchronized void raise(String key, AlertLevel level, String message, Map<String, String> attributes)
      throws IOException {
    if (raised.get(key) == level) {
      return;
    }
    Map<String, String> withKey = new LinkedHashMap<>(attributes);
    withKey.put("key", key);
    Severity severity = level == AlertLevel.CRITICAL ? Severity.SEVERITY_CRITICAL : Severity.SEVERITY_WARNING;
    events.publish("alert.raised", severity, message, withKey);
    raised.put(key, level);
  }

  @Override
  public synchronized void clear(String key, String message) throws IOException {
    if (raised.remove(key) != null) {
      events.publish("alert.cleared", Severity.SEVERITY_INFO, message, Map.of("key", key));
    }
  }

  /** Whether the alert {@code key} is raised now. */
  public synchronized boolean isRaised(String key) {
    return raised.containsKey(key);
  }
}

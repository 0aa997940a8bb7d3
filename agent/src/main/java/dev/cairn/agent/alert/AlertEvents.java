package dev.cairn.agent.alert;

import com.google.protobuf.util.Timestamps;
import dev.cairn.agent.alert.Alerts.AlertLevel;
import dev.cairn.agent.wire.Attributes;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Event;
import dev.cairn.proto.v1.Severity;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The wire form of alert transitions: {@code alert.raised} and {@code alert.cleared} events in an
 * outbox {@code AgentMessage}, and the active alert an {@code alert.raised} event stands for.
 * Attributes set here: {@code key}, {@code alert} (the kind), {@code level} and {@code previous}
 * ({@code ok}, {@code warning} or {@code critical}). Stateless.
 */
final class AlertEvents {

  static final String RAISED = "alert.raised";
  static final String CLEARED = "alert.cleared";

  private AlertEvents() {}

  /** The kind of an alert key: everything before the first {@code ':'}, or the whole key. */
  static String kindOf(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? key : key.substring(0, colon);
  }

  static String name(AlertLevel level) {
    return level == null ? "ok" : level.name().toLowerCase(Locale.ROOT);
  }

  /** An {@code alert.raised} event for {@code alert}, which was at {@code previous} (null: not raised). */
  static Event raised(ActiveAlert alert, AlertLevel previous) {
    Map<String, String> attributes = new TreeMap<>(alert.attributes());
    attributes.put("previous", name(previous));
    return event(RAISED, alert.level() == AlertLevel.CRITICAL ? Severity.SEVERITY_CRITICAL
        : Severity.SEVERITY_WARNING, alert.message(), attributes, alert.since());
  }

  /** An {@code alert.cleared} event for the active {@code alert}. */
  static Event cleared(ActiveAlert alert, String message, Instant at) {
    Map<String, String> attributes = new TreeMap<>(alert.attributes());
    attributes.put("level", "ok");
    attributes.put("previous", name(alert.level()));
    return event(CLEARED, Severity.SEVERITY_INFO, message, attributes, at);
  }

  /** The attributes an active alert keeps: the caller's plus {@code key}, {@code alert}, {@code level}. */
  static Map<String, String> attributes(String key, AlertLevel level, Map<String, String> given) {
    Map<String, String> attributes = new TreeMap<>(given);
    attributes.put("key", key);
    attributes.put("alert", kindOf(key));
    attributes.put("level", name(level));
    return attributes;
  }

  /** The active alert a stored {@code alert.raised} event stands for. */
  static ActiveAlert active(Event raised) {
    Map<String, String> attributes = new TreeMap<>(Attributes.toMap(raised.getAttributesList()));
    attributes.remove("previous");
    AlertLevel level = AlertLevel.valueOf(attributes.get("level").toUpperCase(Locale.ROOT));
    return new ActiveAlert(attributes.get("key"), level, raised.getMessage(), attributes,
        Instant.ofEpochMilli(Timestamps.toMillis(raised.getAt())));
  }

  /** The outbox payload carrying {@code event}. */
  static AgentMessage envelope(Event event) {
    return AgentMessage.newBuilder().setCreated(event.getAt()).setEvent(event).build();
  }

  private static Event event(String kind, Severity severity, String message, Map<String, String> attributes,
      Instant at) {
    return Event.newBuilder()
        .setId(UUID.randomUUID().toString())
        .setKind(kind)
        .setSeverity(severity)
        .setMessage(message)
        .addAllAttributes(Attributes.of(attributes))
        .setAt(Timestamps.fromMillis(at.toEpochMilli()))
        .build();
  }
}

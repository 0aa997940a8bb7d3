package dev.cairn.controller.model;

import java.time.Instant;
import java.util.Map;

/**
 * One alert of one node, as the controller tracks it from the agent's {@code alert.raised} and
 * {@code alert.cleared} events. {@code key} identifies the condition on the node (see {@link
 * #keyOf}); {@code since} is when it was first raised, {@code updated} when it last changed
 * (level, message); {@code clearedAt} is null while it is raised. Immutable.
 */
public record AlertRecord(
    String node,
    String key,
    String level,
    Instant since,
    Instant updated,
    String message,
    Map<String, String> attributes,
    Instant clearedAt) {

  public static final String RAISED = "alert.raised";
  public static final String CLEARED = "alert.cleared";

  public AlertRecord {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public boolean raised() {
    return clearedAt == null;
  }

  /**
   * The alert after {@code event} (an alert event of this alert's node and key): a raise opens
   * it (or, while it is raised, updates level and message but keeps {@code since}); a clear
   * closes it. Null when nothing changes (a clear of an alert that is not raised).
   */
  public static AlertRecord fold(AlertRecord current, EventRecord event) {
    boolean open = current != null && current.raised();
    if (RAISED.equals(event.kind())) {
      return new AlertRecord(event.node(), keyOf(event), levelOf(event),
          open ? current.since() : event.at(), event.at(), event.message(), event.attributes(),
          null);
    }
    if (!open) {
      return null;
    }
    return new AlertRecord(current.node(), current.key(), current.level(), current.since(),
        event.at(), current.message(), current.attributes(), event.at());
  }

  /** Whether the event raises or clears an alert. */
  public static boolean isAlert(EventRecord event) {
    return RAISED.equals(event.kind()) || CLEARED.equals(event.kind());
  }

  /**
   * The alert's key: the event's {@code alert} attribute; when that names only the kind of
   * condition (no {@code :}), the {@code path} (else {@code volume}) attribute is appended, as in
   * {@code volume-capacity:/opt/ai-q/data}. Without an {@code alert} attribute the key is the
   * path (else volume) alone, or {@code unnamed}.
   */
  public static String keyOf(EventRecord event) {
    Map<String, String> a = event.attributes();
    String alert = a.getOrDefault("alert", "").strip();
    String subject = a.containsKey("path") ? a.get("path") : a.get("volume");
    if (alert.isEmpty()) {
      return subject == null || subject.isBlank() ? "unnamed" : subject;
    }
    if (alert.contains(":") || subject == null || subject.isBlank()) {
      return alert;
    }
    return alert + ":" + subject;
  }

  /** {@code critical} or {@code warning}: the {@code level} attribute, else the event's severity. */
  public static String levelOf(EventRecord event) {
    String level = event.attributes().getOrDefault("level", event.severity());
    return "critical".equalsIgnoreCase(level) ? "critical" : "warning";
  }
}

package dev.cairn.agent.alert;

import dev.cairn.agent.alert.Alerts.AlertLevel;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An alert that is raised now: its key, level, the message and attributes it was raised (or last
 * changed level) with, and since when. Immutable.
 */
public record ActiveAlert(String key, AlertLevel level, String message, Map<String, String> attributes,
    Instant since) {

  public ActiveAlert {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(since, "since");
    attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
  }

  /** The kind of condition: the key up to its first {@code ':'} ({@code volume-capacity}, ...). */
  public String kind() {
    return AlertEvents.kindOf(key);
  }
}

package dev.cairn.agent.alert;

import java.io.IOException;
import java.util.Map;

/**
 * Raises and clears alerts, each identified by a key (e.g. {@code volume-capacity:/opt/ai-q/data}
 * or {@code schedule-failed:daily}). An alert is sent as an {@code alert.raised} event once when its
 * condition starts and as {@code alert.cleared} once when it ends, however often it is reported in
 * between; the state survives restarts. Implementations are thread-safe.
 */
public interface Alerts {

  /** Reports that the condition holds now; raises the alert unless it is already raised at this level. */
  void raise(String key, AlertLevel level, String message, Map<String, String> attributes) throws IOException;

  /** Reports that the condition no longer holds; clears the alert if it is raised. */
  void clear(String key, String message) throws IOException;

  enum AlertLevel {
    WARNING,
    CRITICAL
  }
}

package dev.cairn.agent.health;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing health found about a volume: the condition, the subject it is about (the volume's
 * path, or {@code volume:schedule} for backups), its level ({@code OK} for notes that explain
 * without changing the status) and a message for the operator. Immutable.
 */
public record Finding(Condition condition, String subject, VolumeStatus level, String message) {

  public Finding {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
  }

  /** The alert key of this finding ({@code volume-capacity:/opt/ai-q/data}), if its condition raises alerts. */
  public Optional<String> alertKey() {
    return condition.alertKind().map(kind -> kind + ":" + subject);
  }
}

package dev.cairn.agent.command;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A command as delivered: its position {@code seq} in the node's command queue, when it was
 * created, its optional expiry and the fleet run it belongs to ("" for none). Immutable.
 */
public record QueuedCommand(long seq, Instant created, Optional<Instant> notAfter, String runId, Command command) {

  public QueuedCommand {
    if (seq <= 0) {
      throw new IllegalArgumentException("command seq must be positive: " + seq);
    }
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(command, "command");
  }

  /** Whether the command expired before {@code now}. */
  public boolean expiredAt(Instant now) {
    return notAfter.map(now::isAfter).orElse(false);
  }
}

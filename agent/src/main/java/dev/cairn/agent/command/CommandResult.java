package dev.cairn.agent.command;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one command: its id and seq, outcome, message, details and when it started and
 * finished. Travels to the controller through the outbox. Immutable.
 */
public record CommandResult(String commandId, long commandSeq, Outcome outcome, String message,
    Map<String, Object> details, Instant started, Instant finished) {

  public CommandResult {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    details = Map.copyOf(details);
  }

  /** The result of a command that ran (or was skipped) from {@code started} to {@code finished}. */
  public static CommandResult of(String commandId, long commandSeq, Completion completion, Instant started,
      Instant finished) {
    return new CommandResult(commandId, commandSeq, completion.outcome(), completion.message(),
        completion.details(), started, finished);
  }
}

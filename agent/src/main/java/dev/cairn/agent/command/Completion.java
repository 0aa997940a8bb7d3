package dev.cairn.agent.command;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link CommandHandler} reports when it is done: the outcome, a human-readable message and
 * JSON-like details (strings, numbers, booleans, lists, maps). The {@link CommandService} adds the
 * id and timestamps to make a {@link CommandResult}. Immutable.
 */
public record Completion(Outcome outcome, String message, Map<String, Object> details) {

  public Completion {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    details = Map.copyOf(details);
  }

  public static Completion ok(String message) {
    return new Completion(Outcome.OK, message, Map.of());
  }

  public static Completion ok(String message, Map<String, Object> details) {
    return new Completion(Outcome.OK, message, details);
  }

  public static Completion changed(String message, Map<String, Object> details) {
    return new Completion(Outcome.CHANGED, message, details);
  }

  public static Completion failed(String message) {
    return new Completion(Outcome.FAILED, message, Map.of());
  }

  public static Completion skipped(String message) {
    return new Completion(Outcome.SKIPPED, message, Map.of());
  }
}

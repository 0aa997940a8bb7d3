package dev.cairn.inventory.desired;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One hook step. Immutable.
 *
 * @param type what it does
 * @param container the container (for exec, pause, unpause), or null
 * @param command the argument vector (for command and exec), or empty
 * @param timeoutSeconds how long it may run
 * @param onError whether a failure fails the snapshot or is only reported
 * @param env environment variables added for command and exec steps (sorted; left out when empty)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hook(
    Type type, String container, List<String> command, long timeoutSeconds, OnError onError,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> env) {

  public Hook {
    command = command == null ? List.of() : List.copyOf(command);
    env = env == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(env));
  }

  /** A step without extra environment. */
  public Hook(Type type, String container, List<String> command, long timeoutSeconds, OnError onError) {
    this(type, container, command, timeoutSeconds, onError, Map.of());
  }

  /** Kinds of hook step. */
  public enum Type {
    /** Run a command on the node. */
    COMMAND,
    /** Run a command inside a container ({@code docker exec}). */
    EXEC,
    /** Pause a container ({@code docker pause}). */
    PAUSE,
    /** Unpause a container. */
    UNPAUSE
  }

  /** What a failing hook does to the snapshot. */
  public enum OnError {
    FAIL,
    CONTINUE
  }
}

package dev.cairn.agent.hook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One hook action with its timeout and on-error policy. Implementations are immutable records. */
public sealed interface HookStep {

  /** How long the step may run before it is stopped and counted as failed. */
  Duration timeout();

  OnError onError();

  /** The vocabulary's name for this kind: {@code command}, {@code exec}, {@code pause}, {@code unpause}. */
  String kind();

  /** A short human description, e.g. {@code exec pg: psql -c CHECKPOINT}. */
  String describe();

  /** Runs {@code argv} on the node with {@code env} added to the agent's environment. */
  record Command(List<String> argv, Map<String, String> env, Duration timeout, OnError onError) implements HookStep {
    public Command {
      argv = List.copyOf(argv);
      env = Map.copyOf(env);
      checkCommon(timeout, onError);
      if (argv.isEmpty()) {
        throw new IllegalArgumentException("a command step needs an argument vector");
      }
    }

    @Override
    public String kind() {
      return "command";
    }

    @Override
    public String describe() {
      return "command: " + String.join(" ", argv);
    }
  }

  /** Runs {@code argv} inside a running container ({@code docker exec}), with {@code env} set there. */
  record Exec(String container, List<String> argv, Map<String, String> env, Duration timeout, OnError onError)
      implements HookStep {
    public Exec {
      Objects.requireNonNull(container, "container");
      argv = List.copyOf(argv);
      env = Map.copyOf(env);
      checkCommon(timeout, onError);
      if (argv.isEmpty()) {
        throw new IllegalArgumentException("an exec step needs an argument vector");
      }
    }

    @Override
    public String kind() {
      return "exec";
    }

    @Override
    public String describe() {
      return "exec " + container + ": " + String.join(" ", argv);
    }
  }

  /** Freezes every process of a container ({@code docker pause}, the cgroup freezer). */
  record Pause(String container, Duration timeout, OnError onError) implements HookStep {
    public Pause {
      Objects.requireNonNull(container, "container");
      checkCommon(timeout, onError);
    }

    @Override
    public String kind() {
      return "pause";
    }

    @Override
    public String describe() {
      return "pause " + container;
    }
  }

  /** Thaws a paused container; a container that is not paused is left as it is (success). */
  record Unpause(String container, Duration timeout, OnError onError) implements HookStep {
    public Unpause {
      Objects.requireNonNull(container, "container");
      checkCommon(timeout, onError);
    }

    @Override
    public String kind() {
      return "unpause";
    }

    @Override
    public String describe() {
      return "unpause " + container;
    }
  }

  private static void checkCommon(Duration timeout, OnError onError) {
    Objects.requireNonNull(onError, "onError");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a hook timeout must be positive, not " + timeout);
    }
  }
}

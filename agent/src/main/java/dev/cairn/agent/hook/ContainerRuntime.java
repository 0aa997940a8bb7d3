package dev.cairn.agent.hook;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The container operations hooks need; implementations must be thread-safe. */
public interface ContainerRuntime {

  /** Runs {@code argv} in the running {@code container}, output into {@code output}; stops it at the timeout. */
  ProcessEnd exec(String container, List<String> argv, Map<String, String> env, Duration timeout, OutputStream output)
      throws ContainerException, InterruptedException;

  /** Freezes every process of the container. */
  void pause(String container) throws ContainerException;

  /** Thaws the container; returns false (and does nothing) when it was not paused. */
  boolean unpause(String container) throws ContainerException;

  /** Whether the container is paused now. */
  boolean paused(String container) throws ContainerException;
}

package dev.cairn.agent.hook;

import dev.cairn.agent.hook.HookOutcome.Phase;
import dev.cairn.agent.hook.HookOutcome.Status;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one step and turns whatever happens into a {@link HookOutcome}: a step never throws an
 * expected failure, it reports it. Container steps need a {@link ContainerRuntime}; without one
 * they fail with a message saying so. Thread-safe.
 */
public final class HookExecutor implements AutoCloseable {

  private final CommandRunner commands = new CommandRunner();
  private final ContainerRuntime containers;
  private final int outputLimit;
  private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "hook-container-call");
    thread.setDaemon(true);
    return thread;
  });

  /** How long a timed-out pause is given to finish before the steps after it run. */
  static final java.time.Duration PAUSE_SETTLE = java.time.Duration.ofSeconds(30);

  /** {@code containers} may be null on a node without a container engine. */
  public HookExecutor(ContainerRuntime containers, int outputLimit) {
    this.containers = containers;
    this.outputLimit = outputLimit;
  }

  public HookExecutor(ContainerRuntime containers) {
    this(containers, BoundedOutput.DEFAULT_LIMIT);
  }

  /** A container call that is no process; returns a note for the report, or null. */
  private interface Call {
    String run() throws ContainerException;
  }

  /**
   * Runs {@code step}; only an interrupt of the calling thread escapes (after the step is stopped),
   * every other failure is the outcome's.
   */
  public HookOutcome run(String service, Phase phase, int index, HookStep step) throws InterruptedException {
    BoundedOutput output = new BoundedOutput(outputLimit);
    long start = System.nanoTime();
    Status status;
    Integer exit = null;
    String message = null;
    try {
      if (step instanceof HookStep.Command command) {
        ProcessEnd end = commands.run(command, output);
        exit = end.exitCode();
        status = end.timedOut() ? Status.TIMED_OUT : exit == 0 ? Status.OK : Status.FAILED;
      } else if (step instanceof HookStep.Exec exec) {
        ProcessEnd end = runtime(step).exec(exec.container(), exec.argv(), exec.env(), exec.timeout(), output);
        exit = end.exitCode();
        status = end.timedOut() ? Status.TIMED_OUT : exit == 0 ? Status.OK : Status.FAILED;
      } else {
        Call call = step instanceof HookStep.Pause pause
            ? () -> {
              runtime(step).pause(pause.container());
              return null;
            }
            : () -> runtime(step).unpause(((HookStep.Unpause) step).container()) ? null : "was not paused";
        Future<String> future = calls.submit(call::run);
        try {
          message = future.get(step.timeout().toMillis(), TimeUnit.MILLISECONDS);
          status = Status.OK;
        } catch (TimeoutException e) {
          if (step instanceof HookStep.Pause) {
            settle(future);
          }
          future.cancel(true);
          status = Status.TIMED_OUT;
        }
      }
      if (status == Status.TIMED_OUT) {
        message = "stopped after its timeout of " + step.timeout().toSeconds() + " s";
      } else if (status == Status.FAILED) {
        message = "exited with status " + exit;
      }
    } catch (IOException | HookException e) {
      status = Status.FAILED;
      message = e.getMessage();
    } catch (ExecutionException e) {
      status = Status.FAILED;
      message = e.getCause() instanceof HookException hook ? hook.getMessage() : step.describe() + ": " + e.getCause();
    } catch (RuntimeException e) {
      // whatever one step throws (a NUL in an environment value, say), it is that step's failure:
      // the sequence must go on to its post steps, or a paused service stays paused
      status = Status.FAILED;
      message = step.describe() + ": " + e;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new HookOutcome(service, phase, index, step, status, exit, output.text(), output.dropped(), millis, message);
  }

  /**
   * Waits (at most {@link #PAUSE_SETTLE}) for a timed-out pause to end one way or the other. An
   * engine call already sent cannot be taken back: were the post unpause to run first, it would
   * find the container not yet paused, and the late pause would leave it frozen.
   */
  private static void settle(Future<String> pause) throws InterruptedException {
    try {
      pause.get(PAUSE_SETTLE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
      // it failed, or hangs on: the cleanup's unpause is all that is left to try
    }
  }

  private ContainerRuntime runtime(HookStep step) throws ContainerException {
    if (containers == null) {
      throw new ContainerException(step.describe() + ": no container engine is configured on this node "
          + "(set the agent's docker host, or use a command hook)", null);
    }
    return containers;
  }

  @Override
  public void close() {
    calls.shutdownNow();
  }
}

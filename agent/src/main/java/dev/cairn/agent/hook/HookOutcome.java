package dev.cairn.agent.hook;

/**
 * What one step did. Immutable.
 *
 * @param service the service whose plan the step belongs to
 * @param phase when it ran
 * @param index its position in its phase's list (cleanup steps count on their own)
 * @param step the step
 * @param status how it ended
 * @param exitCode the exit status of a command or exec, or null when there is none
 * @param output the end of its output (stdout and stderr interleaved), at most the bound
 * @param droppedBytes output bytes written before the kept end
 * @param millis how long it ran
 * @param message why it failed or what it did, for people
 */
public record HookOutcome(String service, Phase phase, int index, HookStep step, Status status, Integer exitCode,
    String output, long droppedBytes, long millis, String message) {

  /** When a step runs. */
  public enum Phase {
    PRE,
    POST,
    /** The automatic unpause of a container a pre step paused and no post step unpaused. */
    CLEANUP
  }

  /** How a step ended. */
  public enum Status {
    OK,
    FAILED,
    TIMED_OUT
  }

  public boolean ok() {
    return status == Status.OK;
  }

  /** A failure the step's policy says fails the snapshot run. */
  public boolean fatal() {
    return !ok() && step.onError() == OnError.FAIL;
  }

  /** One line for logs: {@code postgresql pre[0] exec pg: psql -c CHECKPOINT: OK in 42 ms}. */
  public String summary() {
    String where = phase == Phase.CLEANUP ? "cleanup" : phase.name().toLowerCase(java.util.Locale.ROOT) + "[" + index + "]";
    return service + " " + where + " " + step.describe() + ": " + status + " in " + millis + " ms"
        + (message == null || message.isEmpty() ? "" : " (" + message + ")");
  }
}

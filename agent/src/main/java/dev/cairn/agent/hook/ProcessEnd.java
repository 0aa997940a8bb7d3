package dev.cairn.agent.hook;

/** How a command or exec ended: its exit status, or that it was stopped at its timeout. Immutable. */
public record ProcessEnd(Integer exitCode, boolean timedOut) {

  public static ProcessEnd exited(int code) {
    return new ProcessEnd(code, false);
  }

  public static ProcessEnd timeout() {
    return new ProcessEnd(null, true);
  }
}

package dev.cairn.agent.hook;

/** What a failing step does: {@code FAIL} stops the pre phase and skips the snapshot; {@code CONTINUE} is only reported. */
public enum OnError {
  FAIL,
  CONTINUE
}

package dev.cairn.agent.hook;

/** An expected failure of the hook package: the root of its small checked hierarchy. */
public class HookException extends Exception {

  public HookException(String message) {
    super(message);
  }

  public HookException(String message, Throwable cause) {
    super(message, cause);
  }
}

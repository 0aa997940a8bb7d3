package dev.cairn.agent.schedule;

/** A schedule setting that cannot be used (bad cron expression, unknown action); says what to write instead. */
public class InvalidScheduleException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidScheduleException(String message) {
    super(message);
  }
}

package dev.cairn.agent.job;

import dev.cairn.agent.command.CommandException;

/** An expected failure of a backup job (unknown volume, wrong password, damaged repository); says what to do. */
public class JobException extends CommandException {

  private static final long serialVersionUID = 1L;

  public JobException(String message) {
    super(message);
  }

  public JobException(String message, Throwable cause) {
    super(message, cause);
  }
}

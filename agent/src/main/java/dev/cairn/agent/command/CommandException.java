package dev.cairn.agent.command;

/**
 * An expected failure of a command (bad argument, missing volume, repository unreachable): the
 * command ends {@link Outcome#FAILED} with this message, which says what happened and what to do.
 */
public class CommandException extends Exception {

  private static final long serialVersionUID = 1L;

  public CommandException(String message) {
    super(message);
  }

  public CommandException(String message, Throwable cause) {
    super(message, cause);
  }
}

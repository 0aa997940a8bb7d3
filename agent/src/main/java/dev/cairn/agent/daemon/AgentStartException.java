package dev.cairn.agent.daemon;

/** The agent cannot start (state directory in use by another agent, not writable, damaged); the message says what to do. */
public class AgentStartException extends Exception {

  private static final long serialVersionUID = 1L;

  public AgentStartException(String message, Throwable cause) {
    super(message, cause);
  }
}

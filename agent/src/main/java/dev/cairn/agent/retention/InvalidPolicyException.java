package dev.cairn.agent.retention;

/**
 * A retention policy that cannot be used: unknown option, malformed number or duration, negative
 * value. The message names the option and says how to write it.
 */
public class InvalidPolicyException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidPolicyException(String message) {
    super(message);
  }
}

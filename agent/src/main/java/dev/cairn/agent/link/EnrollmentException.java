package dev.cairn.agent.link;

/**
 * Enrollment was refused or its answer could not be trusted. {@link #permanent()} says whether
 * trying again with the same token can help (an unreachable controller: yes; a used, expired or
 * unknown token, or a fingerprint mismatch: no — the operator must act).
 */
public class EnrollmentException extends Exception {

  private static final long serialVersionUID = 1L;
  private final boolean permanent;

  public EnrollmentException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  public boolean permanent() {
    return permanent;
  }
}

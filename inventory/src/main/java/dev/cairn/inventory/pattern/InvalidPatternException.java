package dev.cairn.inventory.pattern;

/** A host pattern that cannot be evaluated, such as a {@code ~regex} that does not compile. */
public final class InvalidPatternException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidPatternException(String message) {
    super(message);
  }
}

package dev.cairn.inventory.syntax;

/**
 * Text that is not valid in its notation (a YAML document, a shell-quoted line). Carries the
 * 1-based line within the text, or 0 when the notation has no lines; the reader of a file adds the
 * file name.
 */
public final class SyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;

  public SyntaxException(int line, String message) {
    super(message);
    this.line = line;
  }

  public SyntaxException(int line, String message, Throwable cause) {
    super(message, cause);
    this.line = line;
  }

  /** The 1-based line of the problem, 0 when unknown. */
  public int line() {
    return line;
  }
}

package dev.cairn.cli.fleet;

/** A fleet request failed: the controller refused it or could not be reached. */
public final class FleetException extends Exception {
  private static final long serialVersionUID = 1L;

  public FleetException(String message) {
    super(message);
  }
}

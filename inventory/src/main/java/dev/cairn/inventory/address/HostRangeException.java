package dev.cairn.inventory.address;

/** A host range such as {@code node[01:20]} that cannot be expanded; the message says why. */
public final class HostRangeException extends Exception {

  private static final long serialVersionUID = 1L;

  public HostRangeException(String message) {
    super(message);
  }
}

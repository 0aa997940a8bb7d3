package dev.cairn.inventory;

/**
 * An inventory, or what is derived from it, cannot be used: the root of the inventory module's
 * expected failures. Messages say what is wrong, where, and what to do.
 */
public class InventoryException extends Exception {

  private static final long serialVersionUID = 1L;

  public InventoryException(String message) {
    super(message);
  }

  public InventoryException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.cairn.inventory;

/** A host name that the inventory does not define. */
public final class NoSuchHostException extends InventoryException {

  private static final long serialVersionUID = 1L;

  public NoSuchHostException(String host) {
    super("host '" + host + "' is not in the inventory; 'cairn inventory hosts -i PATH all' lists"
        + " the hosts it defines");
  }
}

package dev.cairn.inventory;

/**
 * An inventory file (or group_vars/host_vars file) that cannot be read: bad YAML or INI, a bad
 * host range, a cycle in {@code children}, an unknown group in {@code [x:children]}. The message
 * starts with {@code file:line:}. Nothing of the inventory is loaded when this is thrown.
 */
public final class InventoryParseException extends InventoryException {

  private static final long serialVersionUID = 1L;

  private final transient Origin origin;
  private final String problem;

  public InventoryParseException(Origin origin, String problem) {
    super(origin + ": " + problem);
    this.origin = origin;
    this.problem = problem;
  }

  public InventoryParseException(Origin origin, String problem, Throwable cause) {
    super(origin + ": " + problem, cause);
    this.origin = origin;
    this.problem = problem;
  }

  /** The problem without the file and line. */
  public String problem() {
    return problem;
  }

  /** The file and line of the problem. */
  public Origin origin() {
    return origin;
  }
}

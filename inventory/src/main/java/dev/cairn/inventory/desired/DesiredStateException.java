package dev.cairn.inventory.desired;

import dev.cairn.inventory.InventoryException;
import java.util.List;

/**
 * A host's {@code cairn_*} variables do not make a valid desired state. Lists every problem found,
 * each with the file and line of the variable, the path inside it and what to write instead.
 */
public final class DesiredStateException extends InventoryException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** {@code what} says what is invalid, e.g. "invalid desired state for host 'n-db01'". */
  public DesiredStateException(String what, List<String> problems) {
    super(what + ":\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem on its own, {@code file:line: variable.path: what is wrong}. */
  public List<String> problems() {
    return problems;
  }
}

package dev.cairn.controller.error;

import java.util.List;

/**
 * An uploaded inventory, or the desired state it would give a node, cannot be used: parse errors
 * ({@code file:line: ...}), invalid {@code cairn_*} variables, or a node document that breaks the
 * merged result. Every problem is listed; nothing was changed.
 */
public final class InvalidInventoryException extends ControllerException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public InvalidInventoryException(String message, List<String> problems) {
    super(ErrorCode.INVALID_INVENTORY, message);
    this.problems = List.copyOf(problems);
  }

  @Override
  public List<String> problems() {
    return problems;
  }
}

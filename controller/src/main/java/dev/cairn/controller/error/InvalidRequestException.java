package dev.cairn.controller.error;

import java.util.List;

/**
 * The request is malformed: a bad name, an unknown field, a missing value, or a desired-state
 * document that would give a node an invalid effective state ({@link #problems()} lists why).
 */
public final class InvalidRequestException extends ControllerException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public InvalidRequestException(String message) {
    this(message, List.of());
  }

  public InvalidRequestException(String message, List<String> problems) {
    super(ErrorCode.INVALID_REQUEST, message);
    this.problems = List.copyOf(problems);
  }

  @Override
  public List<String> problems() {
    return problems;
  }
}

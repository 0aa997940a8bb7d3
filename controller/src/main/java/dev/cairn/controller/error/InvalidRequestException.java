package dev.cairn.controller.error;

/** The request is malformed: a bad name, an unknown field, a missing value. */
public final class InvalidRequestException extends ControllerException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(ErrorCode.INVALID_REQUEST, message);
  }
}

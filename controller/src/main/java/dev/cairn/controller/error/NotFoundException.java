package dev.cairn.controller.error;

/** The named node, command, token or document does not exist. */
public final class NotFoundException extends ControllerException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(ErrorCode.NOT_FOUND, message);
  }
}

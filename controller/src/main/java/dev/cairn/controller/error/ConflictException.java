package dev.cairn.controller.error;

/** The request contradicts stored state (an id reused for another node, a revoked node). */
public final class ConflictException extends ControllerException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(ErrorCode.CONFLICT, message);
  }
}

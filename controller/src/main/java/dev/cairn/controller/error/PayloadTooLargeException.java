package dev.cairn.controller.error;

/** A request body is larger than the controller accepts (an inventory upload over its limit). */
public final class PayloadTooLargeException extends ControllerException {
  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(String message) {
    super(ErrorCode.PAYLOAD_TOO_LARGE, message);
  }
}

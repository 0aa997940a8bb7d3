package dev.cairn.controller.error;

/**
 * The controller's storage failed (disk full, I/O error, corrupt database). Unchecked because no
 * caller can recover from it in place; at the edge it maps to {@link ErrorCode#UNAVAILABLE}.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

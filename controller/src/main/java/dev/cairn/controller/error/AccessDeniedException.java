package dev.cairn.controller.error;

/**
 * The caller is not who it must be: no or unknown credentials, a refused enrollment, a revoked
 * node. The code says which ({@link ErrorCode#UNAUTHENTICATED}, {@link ErrorCode#ENROLLMENT_REFUSED},
 * {@link ErrorCode#FORBIDDEN}, {@link ErrorCode#REVOKED}).
 */
public final class AccessDeniedException extends ControllerException {
  private static final long serialVersionUID = 1L;

  public AccessDeniedException(ErrorCode code, String message) {
    super(code, message);
  }
}

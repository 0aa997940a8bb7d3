package dev.cairn.controller.error;

import io.grpc.Status;
import java.util.Arrays;

/**
 * The one table of expected failures: each code's wire name, HTTP status and gRPC status. REST
 * error bodies ({@code {"error": code, "message": ...}}) and gRPC statuses are both derived from it.
 */
public enum ErrorCode {
  INVALID_REQUEST("invalid-request", 400, Status.Code.INVALID_ARGUMENT),
  UNAUTHENTICATED("unauthenticated", 401, Status.Code.UNAUTHENTICATED),
  ENROLLMENT_REFUSED("enrollment-refused", 401, Status.Code.UNAUTHENTICATED),
  FORBIDDEN("forbidden", 403, Status.Code.PERMISSION_DENIED),
  REVOKED("revoked", 403, Status.Code.PERMISSION_DENIED),
  NOT_FOUND("not-found", 404, Status.Code.NOT_FOUND),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, Status.Code.UNIMPLEMENTED),
  NOT_ACCEPTABLE("not-acceptable", 406, Status.Code.INVALID_ARGUMENT),
  CONFLICT("conflict", 409, Status.Code.ALREADY_EXISTS),
  SUPERSEDED("superseded", 409, Status.Code.ABORTED),
  PAYLOAD_TOO_LARGE("payload-too-large", 413, Status.Code.RESOURCE_EXHAUSTED),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, Status.Code.INVALID_ARGUMENT),
  INVALID_INVENTORY("invalid-inventory", 400, Status.Code.INVALID_ARGUMENT),
  INTERNAL("internal", 500, Status.Code.INTERNAL),
  UNAVAILABLE("unavailable", 503, Status.Code.UNAVAILABLE);

  private final String wireName;
  private final int httpStatus;
  private final Status.Code grpcCode;

  ErrorCode(String wireName, int httpStatus, Status.Code grpcCode) {
    this.wireName = wireName;
    this.httpStatus = httpStatus;
    this.grpcCode = grpcCode;
  }

  /** The code as it appears in REST error bodies, e.g. {@code not-found}. */
  public String wireName() {
    return wireName;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The gRPC status for this code; the message travels as the status description. */
  public Status grpcStatus(String message) {
    return Status.fromCode(grpcCode).withDescription(message);
  }

  /** The code for an HTTP status produced outside Cairn's code (JAX-RS routing, Jetty). */
  public static ErrorCode forHttpStatus(int status) {
    return Arrays.stream(values())
        .filter(code -> code.httpStatus == status)
        .findFirst()
        .orElse(status >= 500 ? INTERNAL : INVALID_REQUEST);
  }
}

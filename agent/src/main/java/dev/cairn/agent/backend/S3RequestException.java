package dev.cairn.agent.backend;

import java.io.IOException;
import java.util.Set;

/**
 * An S3 server answered a request with an error: its HTTP status and S3 error code, and whether
 * retrying can help ({@link #permanent()}). Not-found errors are {@link
 * java.nio.file.NoSuchFileException} instead.
 */
public final class S3RequestException extends IOException {
  private static final long serialVersionUID = 1L;

  /** 4xx codes that a later attempt may not get: throttling, timeouts, a body cut in transit. */
  private static final Set<String> RETRYABLE_CLIENT_CODES = Set.of(
      "SlowDown", "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequests",
      "RequestThrottled", "RequestTimeout", "IncompleteBody", "BadDigest",
      "XAmzContentSHA256Mismatch", "InternalError", "ServiceUnavailable");

  private final int statusCode;
  private final String errorCode;

  public S3RequestException(String message, int statusCode, String errorCode, Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.errorCode = errorCode == null ? "" : errorCode;
  }

  /** The HTTP status the server answered with. */
  public int statusCode() {
    return statusCode;
  }

  /** The S3 error code (e.g. {@code AccessDenied}), empty if the server sent none. */
  public String errorCode() {
    return errorCode;
  }

  /**
   * Whether retrying cannot help: a 4xx answer other than request timeout (408), too many requests
   * (429) or a throttling/transfer code; or 501 Not Implemented.
   */
  public boolean permanent() {
    if (RETRYABLE_CLIENT_CODES.contains(errorCode)) {
      return false;
    }
    if (statusCode == 408 || statusCode == 429) {
      return false;
    }
    return (statusCode >= 400 && statusCode < 500) || statusCode == 501;
  }
}

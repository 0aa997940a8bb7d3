package dev.cairn.agent.backend;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns AWS SDK exceptions (unchecked) into the {@link IOException}s the {@link Backend} contract
 * promises: {@link NoSuchFileException} for a missing object, {@link S3RequestException} for other
 * server answers, plain {@link IOException} for transport failures (retryable).
 */
final class S3ErrorTranslator {
  private final String location;

  S3ErrorTranslator(String location) {
    this.location = location;
  }

  IOException translate(String operation, Handle handle, SdkException error) {
    String what = operation + " " + handle + " in " + location;
    if (error instanceof NoSuchKeyException) {
      NoSuchFileException missing =
          new NoSuchFileException(handle.toString(), null, "no such object in " + location);
      missing.initCause(error);
      return missing;
    }
    if (error instanceof S3Exception s3) {
      String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
      String message = s3.awsErrorDetails() == null ? s3.getMessage()
          : s3.awsErrorDetails().errorMessage();
      return new S3RequestException(
          what + " failed: HTTP " + s3.statusCode() + (code == null ? "" : " " + code)
              + (message == null ? "" : " (" + message + ")") + hint(code),
          s3.statusCode(), code, error);
    }
    if (error instanceof SdkClientException) {
      IOException io = findIoCause(error);
      if (io instanceof NoSuchFileException local) {
        return local; // the content to upload is gone: permanent, say which file
      }
      return new IOException(what + " failed: " + error.getMessage(), error);
    }
    return new IOException(what + " failed: " + error.getMessage(), error);
  }

  private static String hint(String code) {
    if (code == null) {
      return "";
    }
    return switch (code) {
      case "NoSuchBucket" -> "; create the bucket first (cairn repo init creates it)";
      case "AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch" ->
          "; check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and the bucket policy";
      case "RequestTimeTooSkewed" -> "; the node's clock is off, fix it (NTP) and retry";
      default -> "";
    };
  }

  private static IOException findIoCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }
}

package dev.cairn.agent.snapshot;

import java.io.IOException;

/** Writing to the repository failed (disk full, backend error): the whole operation stops. */
public final class WriteFailedException extends IOException {
  public WriteFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}

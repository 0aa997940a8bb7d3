package dev.cairn.agent.image.archive;

import java.io.IOException;

/** Reading the archive itself failed (truncated, corrupt compression); carried as an I/O error until the importer rejects the archive. */
final class DamagedArchiveException extends IOException {

  private static final long serialVersionUID = 1L;

  DamagedArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.cairn.agent.image.archive;

import dev.cairn.agent.image.oci.ImageException;

/** The archive is damaged, incomplete, unsafe or not an image archive; nothing was added to the cache. */
public final class ArchiveRejectedException extends ImageException {

  private static final long serialVersionUID = 1L;

  public ArchiveRejectedException(String message) {
    super(message);
  }

  public ArchiveRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}

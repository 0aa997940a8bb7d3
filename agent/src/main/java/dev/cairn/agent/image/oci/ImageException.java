package dev.cairn.agent.image.oci;

/**
 * Root of the expected failures of the image cache, loader and registry push; the message says what
 * happened and what to do.
 */
public class ImageException extends Exception {

  private static final long serialVersionUID = 1L;

  public ImageException(String message) {
    super(message);
  }

  public ImageException(String message, Throwable cause) {
    super(message, cause);
  }
}

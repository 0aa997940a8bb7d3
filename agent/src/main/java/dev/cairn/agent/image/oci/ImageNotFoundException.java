package dev.cairn.agent.image.oci;

/** The named image, tag or version is not in the cache (or its history). */
public final class ImageNotFoundException extends ImageException {

  private static final long serialVersionUID = 1L;

  public ImageNotFoundException(String message) {
    super(message);
  }
}

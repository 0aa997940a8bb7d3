package dev.cairn.agent.image.registry;

import dev.cairn.agent.image.oci.ImageException;

/** The registry refused a request or could not be reached. */
public final class RegistryException extends ImageException {

  private static final long serialVersionUID = 1L;

  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}

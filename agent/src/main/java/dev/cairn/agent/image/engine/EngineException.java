package dev.cairn.agent.image.engine;

import dev.cairn.agent.image.oci.ImageException;

/** The Docker engine refused a request or could not be reached. */
public final class EngineException extends ImageException {

  private static final long serialVersionUID = 1L;

  public EngineException(String message) {
    super(message);
  }

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.cairn.agent.backend;

/**
 * A repository location or backend setting that cannot be used (unknown scheme, malformed S3 URL,
 * missing credentials). The message says what is wrong and how to write it instead.
 */
public class BackendConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public BackendConfigException(String message) {
    super(message);
  }
}

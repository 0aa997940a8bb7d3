package dev.cairn.agent.repository;

/** No repository (no {@code config}) at the given location. */
public class RepositoryNotFoundException extends RepositoryException {
  public RepositoryNotFoundException(String message) {
    super(message);
  }

  public RepositoryNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}

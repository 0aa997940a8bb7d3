package dev.cairn.agent.repository;

/** Expected failures of the snapshot repository; messages say what happened and what to do. */
public class RepositoryException extends Exception {
  public RepositoryException(String message) {
    super(message);
  }

  public RepositoryException(String message, Throwable cause) {
    super(message, cause);
  }
}

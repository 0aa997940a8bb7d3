package dev.cairn.agent.repository;

/** Another process holds a conflicting, live lock on the repository. */
public class RepositoryLockedException extends RepositoryException {
  public RepositoryLockedException(String message) {
    super(message);
  }

  public RepositoryLockedException(String message, Throwable cause) {
    super(message, cause);
  }
}

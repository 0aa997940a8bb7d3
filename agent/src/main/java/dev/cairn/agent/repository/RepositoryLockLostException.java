package dev.cairn.agent.repository;

/**
 * This process's repository lock no longer protects its operation (another process removed it as
 * stale, or it could not be refreshed): what the operation wrote may rely on data a prune removed.
 */
public class RepositoryLockLostException extends RepositoryException {
  public RepositoryLockLostException(String message) {
    super(message);
  }
}

package dev.cairn.agent.repository;

/** No snapshot matches the given id, prefix or {@code latest} filter. */
public class SnapshotNotFoundException extends RepositoryException {
  public SnapshotNotFoundException(String message) {
    super(message);
  }

  public SnapshotNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.cairn.agent.repository;

/** Stored data failed authentication or does not parse: damage, tampering or the wrong key. */
public class CorruptObjectException extends RepositoryException {
  public CorruptObjectException(String message) {
    super(message);
  }

  public CorruptObjectException(String message, Throwable cause) {
    super(message, cause);
  }
}

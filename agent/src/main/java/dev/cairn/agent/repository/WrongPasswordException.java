package dev.cairn.agent.repository;

/** No key file of the repository opens with the given password or key file. */
public class WrongPasswordException extends RepositoryException {
  public WrongPasswordException(String message) {
    super(message);
  }

  public WrongPasswordException(String message, Throwable cause) {
    super(message, cause);
  }
}

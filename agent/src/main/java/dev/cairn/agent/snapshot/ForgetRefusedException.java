package dev.cairn.agent.snapshot;

import dev.cairn.agent.repository.RepositoryException;

/**
 * {@code forget} refused to act: no policy was given, or the policy would remove every snapshot
 * of a group (a typo in {@code --keep-tag}, say) and removing all was not allowed. Nothing was
 * removed.
 */
public class ForgetRefusedException extends RepositoryException {
  public ForgetRefusedException(String message) {
    super(message);
  }
}

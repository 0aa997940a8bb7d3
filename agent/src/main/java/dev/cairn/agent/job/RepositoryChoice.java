package dev.cairn.agent.job;

/** Checks a command's repository argument: this agent serves its default repository only (for now). */
final class RepositoryChoice {

  private RepositoryChoice() {}

  /** Accepts empty or {@code default}; anything else is refused with what to do. */
  static void requireDefault(String repository) throws JobException {
    if (repository != null && !repository.isBlank() && !"default".equals(repository)) {
      throw new JobException("repository '" + repository + "' is not configured on this node: leave 'repository'"
          + " empty for the node's default repository (backup.repository in the agent configuration)");
    }
  }
}

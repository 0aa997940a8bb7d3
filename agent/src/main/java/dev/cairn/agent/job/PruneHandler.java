package dev.cairn.agent.job;

import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandContext;
import dev.cairn.agent.command.CommandHandler;
import dev.cairn.agent.command.Completion;
import java.io.IOException;

/** Runs {@link Command.Prune} on the node's repository. Thread-safe. */
public final class PruneHandler implements CommandHandler<Command.Prune> {

  private final BackupJobs jobs;

  public PruneHandler(BackupJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public Completion handle(Command.Prune command, CommandContext context)
      throws JobException, IOException, InterruptedException {
    RepositoryChoice.requireDefault(command.repository());
    return jobs.prune();
  }
}

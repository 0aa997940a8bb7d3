package dev.cairn.agent.job;

import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandContext;
import dev.cairn.agent.command.CommandHandler;
import dev.cairn.agent.command.Completion;
import java.io.IOException;

/** Runs {@link Command.RestoreTest}: restore to scratch, check against the manifest, clean up. Thread-safe. */
public final class RestoreTestHandler implements CommandHandler<Command.RestoreTest> {

  private final BackupJobs jobs;

  public RestoreTestHandler(BackupJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public Completion handle(Command.RestoreTest command, CommandContext context)
      throws JobException, IOException, InterruptedException {
    RepositoryChoice.requireDefault(command.repository());
    return jobs.restoreTest(command.volume(), command.snapshot());
  }
}

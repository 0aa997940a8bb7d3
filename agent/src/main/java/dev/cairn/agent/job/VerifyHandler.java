package dev.cairn.agent.job;

import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandContext;
import dev.cairn.agent.command.CommandHandler;
import dev.cairn.agent.command.Completion;
import java.io.IOException;

/** Runs {@link Command.Verify} on the node's repository; FAILED when damage is found. Thread-safe. */
public final class VerifyHandler implements CommandHandler<Command.Verify> {

  private final BackupJobs jobs;

  public VerifyHandler(BackupJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public Completion handle(Command.Verify command, CommandContext context)
      throws JobException, IOException, InterruptedException {
    RepositoryChoice.requireDefault(command.repository());
    return jobs.verify(command.readDataPercent());
  }
}

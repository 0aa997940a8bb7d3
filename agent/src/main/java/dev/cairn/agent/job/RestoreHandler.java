package dev.cairn.agent.job;

import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandContext;
import dev.cairn.agent.command.CommandHandler;
import dev.cairn.agent.command.Completion;
import java.io.IOException;

/** Runs {@link Command.Restore}: a snapshot into its volume (in place) or into a target directory. Thread-safe. */
public final class RestoreHandler implements CommandHandler<Command.Restore> {

  private final BackupJobs jobs;

  public RestoreHandler(BackupJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public Completion handle(Command.Restore command, CommandContext context)
      throws JobException, IOException, InterruptedException {
    RepositoryChoice.requireDefault(command.repository());
    if ((command.volume() == null || command.volume().isBlank())
        && (command.target() == null || command.target().isBlank())) {
      throw new JobException("restore needs a volume (restored in place) or a target directory");
    }
    return jobs.restore(command.volume(), command.snapshot(), command.target(), command.include());
  }
}

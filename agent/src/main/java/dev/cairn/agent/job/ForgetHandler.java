package dev.cairn.agent.job;

import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandContext;
import dev.cairn.agent.command.CommandHandler;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.retention.ForgetPolicy;
import dev.cairn.agent.retention.InvalidPolicyException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@link Command.Forget}: applies a named policy (empty = {@code gfs-default}) to one
 * volume's snapshots at the agent's clock, then prunes when asked. Thread-safe.
 */
public final class ForgetHandler implements CommandHandler<Command.Forget> {

  private final BackupJobs jobs;

  public ForgetHandler(BackupJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public Completion handle(Command.Forget command, CommandContext context)
      throws JobException, IOException, InterruptedException {
    RepositoryChoice.requireDefault(command.repository());
    if (command.volume() == null || command.volume().isBlank()) {
      throw new JobException("forget needs a volume");
    }
    ForgetPolicy policy;
    try {
      policy = ForgetPolicy.named(command.policy() == null || command.policy().isBlank()
          ? ForgetPolicy.GFS_DEFAULT : command.policy());
    } catch (InvalidPolicyException e) {
      throw new JobException(e.getMessage(), e);
    }
    Completion forgot = jobs.forget(command.volume(), policy, context.clock().instant(), command.dryRun());
    if (!command.prune() || command.dryRun()) {
      return forgot;
    }
    Completion pruned = jobs.prune();
    Map<String, Object> details = new HashMap<>(forgot.details());
    details.put("prune", pruned.details());
    Outcome outcome = forgot.outcome() == Outcome.CHANGED || pruned.outcome() == Outcome.CHANGED
        ? Outcome.CHANGED : Outcome.OK;
    return new Completion(outcome, forgot.message() + "; " + pruned.message(), details);
  }
}

package dev.cairn.agent.job;

import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandContext;
import dev.cairn.agent.command.CommandHandler;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs {@link Command.TakeSnapshot}: one volume, or (volume empty) every volume backed up on this
 * node; FAILED if any volume failed, with each volume's result in the details. Thread-safe.
 */
public final class SnapshotHandler implements CommandHandler<Command.TakeSnapshot> {

  private final BackupJobs jobs;
  private final Supplier<List<String>> backedUpVolumes;

  public SnapshotHandler(RepositoryJobs jobs) {
    this(jobs, jobs::backedUpVolumes);
  }

  /** @param backedUpVolumes the volumes a snapshot without a volume covers */
  public SnapshotHandler(BackupJobs jobs, Supplier<List<String>> backedUpVolumes) {
    this.jobs = jobs;
    this.backedUpVolumes = backedUpVolumes;
  }

  @Override
  public Completion handle(Command.TakeSnapshot command, CommandContext context)
      throws JobException, IOException, InterruptedException {
    RepositoryChoice.requireDefault(command.repository());
    if (command.volume() != null && !command.volume().isBlank()) {
      return jobs.snapshot(command.volume(), command.tags());
    }
    List<String> volumes = backedUpVolumes.get();
    if (volumes.isEmpty()) {
      return Completion.skipped("no volume to back up: none of the catalogue's volumes exists and backup.volumes is"
          + " empty");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    for (String volume : volumes) {
      Completion one;
      try {
        one = jobs.snapshot(volume, command.tags());
      } catch (JobException e) {
        one = Completion.failed(e.getMessage());
      }
      String id = String.valueOf(one.details().getOrDefault(BackupJobs.SNAPSHOT_ID, ""));
      details.put(volume, Map.of("outcome", one.outcome().name().toLowerCase(Locale.ROOT), "message", one.message(),
          BackupJobs.SNAPSHOT_ID, id));
      if (one.outcome() == Outcome.FAILED) {
        failed.add(volume);
      }
    }
    String message = volumes.size() - failed.size() + " of " + volumes.size() + " volumes snapshotted"
        + (failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed));
    return new Completion(failed.isEmpty() ? Outcome.CHANGED : Outcome.FAILED, message, details);
  }
}

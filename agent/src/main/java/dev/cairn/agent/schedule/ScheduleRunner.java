package dev.cairn.agent.schedule;

import dev.cairn.agent.command.CommandException;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.job.BackupJobs;
import dev.cairn.agent.retention.ForgetPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one schedule once: its action for every backed-up volume (or once for repository-wide
 * actions), each result recorded in the history and reported. A scheduled snapshot is followed by
 * retention of that volume's snapshots and, for an archiving schedule, a copy to the archive;
 * neither happens after a failed snapshot. A failing volume does not stop the others. Not
 * thread-safe (the scheduler calls it from one thread).
 */
public final class ScheduleRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);

  private final BackupJobs jobs;
  private final Supplier<List<String>> volumes;
  private final ScheduleSettings settings;
  private final LogRotator logs;
  private final RunHistory history;
  private final RunReporter reporter;
  private final Clock clock;
  private final BiFunction<String, ForgetPolicy, ForgetPolicy> retention;

  /** Every volume kept by the node's policy ({@code schedules.retention}). */
  public ScheduleRunner(BackupJobs jobs, Supplier<List<String>> volumes, ScheduleSettings settings, RunHistory history,
      RunReporter reporter, Clock clock) {
    this(jobs, volumes, settings, history, reporter, clock, (volume, node) -> node);
  }

  /**
   * @param retention the policy of a volume given the node's (e.g. {@link VolumePolicies#forVolume})
   */
  public ScheduleRunner(BackupJobs jobs, Supplier<List<String>> volumes, ScheduleSettings settings, RunHistory history,
      RunReporter reporter, Clock clock, BiFunction<String, ForgetPolicy, ForgetPolicy> retention) {
    this.retention = retention;
    this.jobs = jobs;
    this.volumes = volumes;
    this.settings = settings;
    this.logs = new LogRotator(settings.logDirectory(), Duration.ofDays(settings.logRetentionDays()));
    this.history = history;
    this.reporter = reporter;
    this.clock = clock;
  }

  /** Runs the schedule's action now. */
  public void run(Schedule schedule) throws IOException, InterruptedException {
    switch (schedule.action()) {
      case SNAPSHOT -> forEachVolume(schedule, volume -> snapshot(schedule, volume));
      case RESTORE_TEST -> forEachVolume(schedule, volume -> jobs.restoreTest(volume, "latest"));
      case VERIFY -> finish(schedule, "", attempt(() -> jobs.verify(settings.verifyReadDataPercent())));
      case ROTATE_LOGS -> finish(schedule, "", attempt(() -> logs.rotate(clock.instant())));
    }
  }

  private void forEachVolume(Schedule schedule, Job perVolume) throws IOException, InterruptedException {
    List<String> names = volumes.get();
    if (names.isEmpty()) {
      finish(schedule, "", Completion.skipped("no volume to back up: no catalogue volume exists and backup.volumes"
          + " is empty"));
      return;
    }
    for (String volume : names) {
      finish(schedule, volume, attempt(() -> perVolume.run(volume)));
    }
  }

  private Completion snapshot(Schedule schedule, String volume)
      throws CommandException, IOException, InterruptedException {
    Completion snapshot = jobs.snapshot(volume, List.of(schedule.name()));
    if (snapshot.outcome() == Outcome.FAILED) {
      return snapshot;
    }
    Map<String, Object> details = new LinkedHashMap<>(snapshot.details());
    StringBuilder message = new StringBuilder(snapshot.message());
    Outcome outcome = snapshot.outcome();
    ForgetPolicy policy = retention.apply(volume, settings.retention());
    Completion forget = attempt(() -> jobs.forget(volume, policy, clock.instant(), false));
    details.put("retention", forget.message());
    message.append("; ").append(forget.message());
    if (forget.outcome() == Outcome.FAILED) {
      outcome = Outcome.FAILED;
    }
    if (schedule.archive()) {
      String id = String.valueOf(snapshot.details().get(BackupJobs.SNAPSHOT_ID));
      Completion archive = attempt(() -> jobs.archive(id));
      details.put("archive", archive.message());
      message.append("; ").append(archive.message());
      if (archive.outcome() == Outcome.FAILED) {
        outcome = Outcome.FAILED;
      }
    }
    return new Completion(outcome, message.toString(), details);
  }

  private void finish(Schedule schedule, String volume, Completion result) throws IOException {
    Object snapshot = result.details().get(BackupJobs.SNAPSHOT_ID);
    history.record(schedule, volume, result, snapshot == null ? null : snapshot.toString(), clock.instant());
    reporter.report(schedule, volume, result);
    if (result.outcome() == Outcome.FAILED) {
      LOG.warn("schedule {} ({}): {}", schedule.name(), volume.isEmpty() ? "repository" : volume, result.message());
    }
  }

  /** Runs a job, turning expected and I/O failures into a FAILED completion. */
  private static Completion attempt(Attempt attempt) throws InterruptedException {
    try {
      return attempt.run();
    } catch (CommandException e) {
      return Completion.failed(e.getMessage());
    } catch (IOException e) {
      return Completion.failed("I/O error: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("scheduled job failed unexpectedly", e);
      return Completion.failed("internal error: " + e);
    }
  }

  @FunctionalInterface
  private interface Attempt {
    Completion run() throws CommandException, IOException, InterruptedException;
  }

  @FunctionalInterface
  private interface Job {
    Completion run(String volume) throws CommandException, IOException, InterruptedException;
  }
}

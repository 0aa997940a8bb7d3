package dev.cairn.agent.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges how a volume's backup schedules went ({@link ScheduleStatus}, from the scheduler's run
 * history). Pure functions of the statuses, the policy and the time.
 *
 * <p><b>Overdue</b> (snapshot, copy, verify and restore-test schedules): the schedule's period is
 * taken as {@code nextDue - lastAttempt} (one slot to the next; after a catch-up run at start it is
 * shorter, which warns early rather than late). Runs missed in a row are {@code floor((now -
 * lastSuccess - grace) / period)} with a grace of a tenth of the period for a run in progress;
 * {@code missedRunsWarning} and {@code missedRunsCritical} of the policy turn them into a status.
 * A schedule that has run but never succeeded is a warning. <b>Failed</b>: a last run that failed
 * is a warning, and critical for {@code restore-test} and {@code verify} (the backups may not
 * restore).
 */
public final class BackupRules {

  private static final Set<String> WATCHED = Set.of("snapshot", "copy", "verify", "restore-test");
  private static final Set<String> PROVING = Set.of("verify", "restore-test");

  private BackupRules() {}

  /** Findings for {@code volume}'s schedules; subjects are {@code volume:schedule}. */
  public static List<Finding> judge(String volume, List<ScheduleStatus> schedules, HealthPolicy policy,
      Instant now) {
    List<Finding> findings = new ArrayList<>();
    for (ScheduleStatus s : schedules) {
      String subject = volume + ":" + s.schedule();
      if (WATCHED.contains(s.action())) {
        overdue(s, now).ifPresent(missed -> {
          VolumeStatus level = policy.statusOfMissedRuns(missed);
          if (level != VolumeStatus.OK) {
            findings.add(new Finding(Condition.BACKUP_OVERDUE, subject, level, "schedule " + s.schedule() + " ("
                + s.action() + "): " + missed + " run" + (missed == 1 ? "" : "s") + " missed in a row, last success "
                + s.lastSuccess().map(t -> Ages.describe(Duration.between(t, now)) + " ago").orElse("never")));
          }
        });
        if (s.lastSuccess().isEmpty() && s.lastAttempt().isPresent() && !"failed".equals(s.lastOutcome())) {
          findings.add(new Finding(Condition.BACKUP_OVERDUE, subject, VolumeStatus.WARNING, "schedule "
              + s.schedule() + " (" + s.action() + ") has run but never succeeded"));
        }
      }
      if ("failed".equals(s.lastOutcome())) {
        VolumeStatus level = PROVING.contains(s.action()) ? VolumeStatus.CRITICAL : VolumeStatus.WARNING;
        findings.add(new Finding(Condition.BACKUP_FAILED, subject, level, "schedule " + s.schedule() + " ("
            + s.action() + ") failed its last run" + (s.message().isEmpty() ? "" : ": " + s.message())));
      }
    }
    return findings;
  }

  /** Runs missed in a row, if the schedule has succeeded once and its period is known. */
  static Optional<Long> overdue(ScheduleStatus s, Instant now) {
    if (s.lastSuccess().isEmpty() || s.nextDue().isEmpty() || s.lastAttempt().isEmpty()) {
      return Optional.empty();
    }
    Duration period = Duration.between(s.lastAttempt().get(), s.nextDue().get());
    if (period.isNegative() || period.isZero()) {
      return Optional.empty();
    }
    Duration since = Duration.between(s.lastSuccess().get(), now).minus(period.dividedBy(10));
    return Optional.of(since.isNegative() ? 0L : since.toMillis() / period.toMillis());
  }

  /** Age of the newest successful snapshot among {@code schedules}, if any. */
  public static Optional<Duration> lastSnapshotAge(List<ScheduleStatus> schedules, Instant now) {
    return schedules.stream()
        .filter(s -> s.action().equals("snapshot"))
        .flatMap(s -> s.lastSuccess().stream())
        .max(Instant::compareTo)
        .map(t -> Duration.between(t, now));
  }
}

package dev.cairn.controller.fleet;

import dev.cairn.controller.model.BackupStatusRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether one schedule's backups of one volume are in trouble, at the controller's {@code now}:
 * <b>failing</b> when its last run failed; <b>overdue</b> when it succeeded before but not within
 * one period plus {@code grace}, or never succeeded although it was due more than {@code grace}
 * ago ({@code nextDue} as reported). The period is the schedule's {@link CronPeriod}. Immutable.
 */
public record BackupCheck(Duration grace) {

  /** The verdict for one backup status. */
  public record Verdict(boolean overdue, boolean failing) {}

  /** {@code period} may be null when the schedule is unknown to the controller. */
  public Verdict check(BackupStatusRecord status, Duration period, Instant now) {
    boolean failing = "failed".equals(status.lastOutcome());
    boolean overdue;
    if (status.lastSuccess() != null) {
      Duration effective = period != null ? period : implicitPeriod(status);
      overdue = effective != null
          && Duration.between(status.lastSuccess(), now).compareTo(effective.plus(grace)) > 0;
    } else {
      overdue = status.nextDue() != null && now.isAfter(status.nextDue().plus(grace));
    }
    return new Verdict(overdue, failing);
  }

  /** Without the cron: from the last success to the next due run, as reported. */
  private static Duration implicitPeriod(BackupStatusRecord status) {
    if (status.nextDue() == null || !status.nextDue().isAfter(status.lastSuccess())) {
      return null;
    }
    return Duration.between(status.lastSuccess(), status.nextDue());
  }
}

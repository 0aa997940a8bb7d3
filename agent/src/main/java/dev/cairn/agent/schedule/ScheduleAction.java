package dev.cairn.agent.schedule;

import java.util.Locale;

/** What a schedule does when it runs. */
public enum ScheduleAction {
  /** Snapshot every backed-up volume, then apply retention (and copy to the archive if the schedule says so). */
  SNAPSHOT,
  /** Restore test of each volume's latest snapshot. */
  RESTORE_TEST,
  /** Verify the repository, reading a subset of its data. */
  VERIFY,
  /** Delete Cairn's own log files older than the log retention. */
  ROTATE_LOGS;

  /** The name in configuration, events and health reports: {@code restore-test}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

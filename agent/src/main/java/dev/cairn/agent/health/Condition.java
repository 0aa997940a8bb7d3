package dev.cairn.agent.health;

import java.util.Optional;

/**
 * The kinds of things health finds about a volume, with the alert kind each raises (the prefix of
 * the alert key, see {@code docs/volumes.md}). Conditions without an alert kind only colour the
 * status: failed runs are alerted by the scheduler that ran them.
 */
public enum Condition {
  /** Filesystem use in bytes at or over a threshold. */
  CAPACITY("volume-capacity"),
  /** Filesystem inode use at or over a threshold. */
  INODES("volume-inodes"),
  /** Forecast days to full under a threshold. */
  FORECAST("volume-forecast"),
  /** Owner, group, mode or existence differs from the catalogue. */
  DRIFT("volume-drift"),
  /** A backup schedule missed runs in a row. */
  BACKUP_OVERDUE("backup-overdue"),
  /** The last run of a schedule failed (alerted by the scheduler as {@code schedule-failed}). */
  BACKUP_FAILED(null),
  /** Something could not be measured; says why. */
  MEASUREMENT(null);

  private final String alertKind;

  Condition(String alertKind) {
    this.alertKind = alertKind;
  }

  /** The alert kind this condition raises, if any. */
  public Optional<String> alertKind() {
    return Optional.ofNullable(alertKind);
  }
}

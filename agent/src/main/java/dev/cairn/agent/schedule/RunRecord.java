package dev.cairn.agent.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * The last run of one schedule for one volume ({@code ""} for repository-wide runs such as verify).
 * Times are epoch milliseconds, {@code null} before the first such run (the on-disk form of {@link
 * RunHistory}). Immutable.
 */
public record RunRecord(String schedule, String action, String volume, Long lastSuccess, Long lastAttempt,
    String outcome, String message, String snapshotId) {

  /** The key of a schedule's run for a volume. */
  static String key(String schedule, String volume) {
    return schedule + "/" + volume;
  }

  public Optional<Instant> lastSuccessTime() {
    return Optional.ofNullable(lastSuccess).map(Instant::ofEpochMilli);
  }

  public Optional<Instant> lastAttemptTime() {
    return Optional.ofNullable(lastAttempt).map(Instant::ofEpochMilli);
  }
}

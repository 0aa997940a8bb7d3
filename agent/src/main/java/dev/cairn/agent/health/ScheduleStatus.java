package dev.cairn.agent.health;

import java.time.Instant;
import java.util.Optional;

/**
 * How one schedule's runs went for one volume (the proto's {@code BackupStatus}). Immutable.
 *
 * @param schedule schedule name from desired state
 * @param action snapshot, forget, prune, verify, restore-test, copy or rotate-logs
 * @param lastSuccess when the last successful run finished
 * @param lastAttempt when the last run, successful or not, finished
 * @param lastOutcome ok, changed, failed or skipped (lower case), empty before the first run
 * @param message what the last run said
 * @param nextDue when the schedule runs next
 * @param snapshotId the snapshot the last successful snapshot run made, if any
 */
public record ScheduleStatus(
    String schedule,
    String action,
    Optional<Instant> lastSuccess,
    Optional<Instant> lastAttempt,
    String lastOutcome,
    String message,
    Optional<Instant> nextDue,
    Optional<String> snapshotId) {}

package dev.cairn.controller.model;

import java.time.Instant;

/**
 * How one schedule's runs went for one volume, as the agent last reported it (the proto's {@code
 * BackupStatus}). {@code lastOutcome} is {@code ok|changed|failed|skipped}, or null before the
 * first run. Immutable.
 */
public record BackupStatusRecord(
    String schedule,
    String action,
    Instant lastSuccess,
    Instant lastAttempt,
    String lastOutcome,
    String message,
    Instant nextDue,
    String snapshotId) {}

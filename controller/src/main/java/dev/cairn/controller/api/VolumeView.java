package dev.cairn.controller.api;

import java.time.Instant;
import java.util.List;

/**
 * One volume of one node, from the node's latest health report: capacity, growth, drift and its
 * backup schedules, with the controller's verdicts ({@code overdue}, {@code failingBackups}) at
 * the time of the request.
 */
public record VolumeView(
    String node,
    boolean connected,
    boolean stale,
    Instant lastSeen,
    Instant reportedAt,
    String volume,
    String path,
    String service,
    String tier,
    String status,
    long usedBytes,
    long capacityBytes,
    long freeBytes,
    Double usedPercent,
    double inodesUsedPercent,
    double growthBytesPerDay,
    Double daysToFull,
    List<String> drift,
    List<String> problems,
    List<Backup> backups,
    boolean overdue,
    boolean failingBackups) {

  /** One schedule covering the volume: its last runs and the verdict. */
  public record Backup(
      String schedule,
      String action,
      Instant lastSuccess,
      Instant lastAttempt,
      String lastOutcome,
      String message,
      Instant nextDue,
      String snapshotId,
      Long periodSeconds,
      boolean overdue,
      boolean failing) {}
}

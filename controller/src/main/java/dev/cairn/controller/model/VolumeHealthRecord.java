package dev.cairn.controller.model;

import java.util.List;

/**
 * Health of one volume or base directory; {@code status} is {@code ok|warning|critical} ({@code
 * unknown} if the agent sent none). {@code tier}, {@code growthBytesPerDay}, {@code daysToFull}
 * (null: unknown or not growing), {@code drift} and {@code backups} come from agents that
 * know the volume catalogue; older agents leave them empty. Immutable.
 */
public record VolumeHealthRecord(
    String path,
    String name,
    String service,
    long usedBytes,
    long capacityBytes,
    long freeBytes,
    double inodesUsedPercent,
    String status,
    List<String> problems,
    String tier,
    double growthBytesPerDay,
    Double daysToFull,
    List<String> drift,
    List<BackupStatusRecord> backups) {
  public VolumeHealthRecord {
    problems = problems == null ? List.of() : List.copyOf(problems);
    drift = drift == null ? List.of() : List.copyOf(drift);
    backups = backups == null ? List.of() : List.copyOf(backups);
  }

  /** A volume as agents without a catalogue report it (no tier, growth, drift or backups). */
  public VolumeHealthRecord(String path, String name, String service, long usedBytes,
      long capacityBytes, long freeBytes, double inodesUsedPercent, String status,
      List<String> problems) {
    this(path, name, service, usedBytes, capacityBytes, freeBytes, inodesUsedPercent, status,
        problems, null, 0, null, List.of(), List.of());
  }
}

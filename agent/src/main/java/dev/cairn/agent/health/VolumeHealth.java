package dev.cairn.agent.health;

import java.util.List;
import java.util.Objects;

/**
 * The health of one catalogue volume: bytes used under it, its filesystem's capacity and free
 * bytes, the filesystem's inode use (-1 when unknown), growth per day and forecast days to full
 * (0 and -1 when unknown), drift from the catalogue, how its backup schedules went, and the
 * findings that make its status. Immutable.
 */
public record VolumeHealth(String path, String name, String service, String tier, long usedBytes,
    long capacityBytes, long freeBytes, double inodesUsedPercent, double growthBytesPerDay, double daysToFull,
    List<String> drift, List<ScheduleStatus> backups, List<Finding> findings) {

  public VolumeHealth {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(tier, "tier");
    drift = List.copyOf(drift);
    backups = List.copyOf(backups);
    findings = List.copyOf(findings);
  }

  /** The worst level of its findings: {@code ok}, {@code warning} or {@code critical}. */
  public VolumeStatus status() {
    return findings.stream().map(Finding::level).reduce(VolumeStatus.OK, VolumeStatus::worse);
  }

  /** The findings' messages, worst first: why the status is what it is, and notes. */
  public List<String> problems() {
    return findings.stream()
        .sorted((a, b) -> b.level().compareTo(a.level()))
        .map(Finding::message)
        .toList();
  }
}

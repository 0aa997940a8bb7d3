package dev.cairn.agent.health;

import java.util.ArrayList;
import java.util.List;

/**
 * From measurements to {@link Finding}s, one rule per condition: filesystem use in bytes and in
 * inodes against the policy's percentages, the forecast days to full against its day limits, and
 * drift (always a warning). Notes about measurements (unreadable entries, unknown inode use) have
 * level {@code OK}. Stateless.
 */
final class HealthRules {

  private HealthRules() {}

  /** Capacity and measurement findings of a volume's {@link Usage}. */
  static List<Finding> usage(String path, Usage usage, HealthPolicy policy) {
    List<Finding> findings = new ArrayList<>();
    if (usage.error().isPresent()) {
      findings.add(new Finding(Condition.MEASUREMENT, path, VolumeStatus.WARNING, usage.error().get()));
      return findings;
    }
    if (usage.unreadable() > 0) {
      findings.add(new Finding(Condition.MEASUREMENT, path, VolumeStatus.OK, usage.unreadable()
          + " entries could not be read (permissions?); used bytes are a lower bound"));
    }
    VolumeStatus level = policy.capacity().statusOf(usage.usedPercent());
    if (level != VolumeStatus.OK) {
      findings.add(new Finding(Condition.CAPACITY, path, level, String.format(
          "filesystem %.1f%% full (warning at %.0f%%, critical at %.0f%%)", usage.usedPercent(),
          policy.capacity().warningPercent(), policy.capacity().criticalPercent())));
    }
    return findings;
  }

  /** The inode finding; {@code percent} null when unknown ({@code problem} says why). */
  static List<Finding> inodes(String path, Double percent, String problem, HealthPolicy policy) {
    if (percent == null) {
      return List.of(new Finding(Condition.MEASUREMENT, path, VolumeStatus.OK,
          problem != null ? problem : "inode use unknown: 'stat -f' gave no answer for this path"));
    }
    VolumeStatus level = policy.inodes().statusOf(percent);
    return level == VolumeStatus.OK ? List.of() : List.of(new Finding(Condition.INODES, path, level,
        String.format("%.1f%% of the filesystem's inodes used (warning at %.0f%%, critical at %.0f%%)", percent,
            policy.inodes().warningPercent(), policy.inodes().criticalPercent())));
  }

  /** The forecast finding, when the filesystem fills within the policy's days. */
  static List<Finding> forecast(String path, Growth growth, HealthPolicy policy) {
    VolumeStatus level = policy.statusOfDaysToFull(growth.daysToFull());
    return level == VolumeStatus.OK ? List.of() : List.of(new Finding(Condition.FORECAST, path, level,
        String.format("filesystem full in %.1f days at %s/day (warning under %d days, critical under %d)",
            growth.daysToFull(), Sizes.bytes((long) growth.bytesPerDay()), policy.daysToFullWarning(),
            policy.daysToFullCritical())));
  }

  /** The drift finding: a warning listing what differs from the catalogue. */
  static List<Finding> drift(String path, List<String> drift) {
    return drift.isEmpty() ? List.of() : List.of(new Finding(Condition.DRIFT, path, VolumeStatus.WARNING,
        "differs from the catalogue: " + String.join("; ", drift)));
  }
}

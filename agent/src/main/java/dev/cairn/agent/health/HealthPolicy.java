package dev.cairn.agent.health;

import dev.cairn.inventory.desired.AlertThresholds;

/**
 * When a volume is {@code warning} or {@code critical}: filesystem use in bytes and inodes
 * (percent), forecast days to full, and scheduled backup runs missed in a row. From the desired
 * state's {@code alertThresholds}, or from the agent configuration before there is one. Immutable.
 */
public record HealthPolicy(HealthThresholds capacity, HealthThresholds inodes, int daysToFullWarning,
    int daysToFullCritical, int missedRunsWarning, int missedRunsCritical) {

  /** The seed's: 80/90 % for bytes and inodes, 30/7 days to full, 1/3 runs missed. */
  public static final HealthPolicy DEFAULTS = of(AlertThresholds.DEFAULT);

  /** The policy of a desired state's thresholds. */
  public static HealthPolicy of(AlertThresholds t) {
    return new HealthPolicy(new HealthThresholds(t.capacityWarningPercent(), t.capacityCriticalPercent()),
        new HealthThresholds(t.inodesWarningPercent(), t.inodesCriticalPercent()), t.daysToFullWarning(),
        t.daysToFullCritical(), t.missedRunsWarning(), t.missedRunsCritical());
  }

  /** The defaults with {@code use} for bytes and inodes (the agent configuration's {@code health:} percentages). */
  public static HealthPolicy withUse(HealthThresholds use) {
    return new HealthPolicy(use, use, DEFAULTS.daysToFullWarning, DEFAULTS.daysToFullCritical,
        DEFAULTS.missedRunsWarning, DEFAULTS.missedRunsCritical);
  }

  /** The status for a forecast of {@code days} to full ({@code < 0}: unknown or not growing). */
  public VolumeStatus statusOfDaysToFull(double days) {
    if (days < 0) {
      return VolumeStatus.OK;
    }
    if (days < daysToFullCritical) {
      return VolumeStatus.CRITICAL;
    }
    return days < daysToFullWarning ? VolumeStatus.WARNING : VolumeStatus.OK;
  }

  /** The status for {@code missed} scheduled runs missed in a row. */
  public VolumeStatus statusOfMissedRuns(long missed) {
    if (missed >= missedRunsCritical) {
      return VolumeStatus.CRITICAL;
    }
    return missed >= missedRunsWarning ? VolumeStatus.WARNING : VolumeStatus.OK;
  }
}

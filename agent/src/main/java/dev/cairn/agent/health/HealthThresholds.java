package dev.cairn.agent.health;

/**
 * Filesystem use (bytes or inodes, in percent) at which a volume is {@code warning} and {@code
 * critical}; the seed's defaults are 80 and 90. Immutable.
 */
public record HealthThresholds(double warningPercent, double criticalPercent) {

  public static final HealthThresholds DEFAULTS = new HealthThresholds(80, 90);

  public HealthThresholds {
    if (!(warningPercent > 0 && warningPercent < criticalPercent && criticalPercent <= 100)) {
      throw new IllegalArgumentException("thresholds need 0 < warningPercent < criticalPercent <= 100, got "
          + warningPercent + " and " + criticalPercent);
    }
  }

  /** The status for a use of {@code percent}. */
  public VolumeStatus statusOf(double percent) {
    if (percent >= criticalPercent) {
      return VolumeStatus.CRITICAL;
    }
    return percent >= warningPercent ? VolumeStatus.WARNING : VolumeStatus.OK;
  }
}

package dev.cairn.inventory.desired;

/**
 * When a volume's health turns {@code warning} or {@code critical} (issue #4; the seed targets
 * under 80% use). Immutable.
 *
 * @param capacityWarningPercent used share of the filesystem that raises a warning
 * @param capacityCriticalPercent used share that is critical
 * @param inodesWarningPercent used share of inodes that raises a warning
 * @param inodesCriticalPercent used share of inodes that is critical
 * @param daysToFullWarning forecast days to full that raises a warning
 * @param daysToFullCritical forecast days to full that is critical
 * @param missedRunsWarning scheduled runs missed in a row that raise a warning
 * @param missedRunsCritical scheduled runs missed in a row that are critical
 */
public record AlertThresholds(
    int capacityWarningPercent,
    int capacityCriticalPercent,
    int inodesWarningPercent,
    int inodesCriticalPercent,
    int daysToFullWarning,
    int daysToFullCritical,
    int missedRunsWarning,
    int missedRunsCritical) {

  /** The seed's thresholds. */
  public static final AlertThresholds DEFAULT = new AlertThresholds(80, 90, 80, 90, 30, 7, 1, 3);
}

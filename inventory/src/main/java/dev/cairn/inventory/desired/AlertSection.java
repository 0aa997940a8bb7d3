package dev.cairn.inventory.desired;

/**
 * Resolves {@code cairn_alert_thresholds}; fields left out keep the seed's values (warning at
 * 80% use, critical at 90%). A warning must come before its critical level.
 */
final class AlertSection {

  private AlertSection() {}

  static AlertThresholds thresholds(CairnVariables vars) {
    AlertThresholds d = AlertThresholds.DEFAULT;
    return vars.spec("cairn_alert_thresholds").map(s -> {
      s.only("capacity_warning_percent", "capacity_critical_percent", "inodes_warning_percent",
          "inodes_critical_percent", "days_to_full_warning", "days_to_full_critical",
          "missed_runs_warning", "missed_runs_critical");
      AlertThresholds t = new AlertThresholds(
          s.integer("capacity_warning_percent", d.capacityWarningPercent(), 1, 100),
          s.integer("capacity_critical_percent", d.capacityCriticalPercent(), 1, 100),
          s.integer("inodes_warning_percent", d.inodesWarningPercent(), 1, 100),
          s.integer("inodes_critical_percent", d.inodesCriticalPercent(), 1, 100),
          s.integer("days_to_full_warning", d.daysToFullWarning(), 0, 3650),
          s.integer("days_to_full_critical", d.daysToFullCritical(), 0, 3650),
          s.integer("missed_runs_warning", d.missedRunsWarning(), 1, 1000),
          s.integer("missed_runs_critical", d.missedRunsCritical(), 1, 1000));
      if (t.capacityWarningPercent() >= t.capacityCriticalPercent()) {
        s.problem("capacity_warning_percent", "must be below capacity_critical_percent");
      }
      if (t.inodesWarningPercent() >= t.inodesCriticalPercent()) {
        s.problem("inodes_warning_percent", "must be below inodes_critical_percent");
      }
      if (t.daysToFullWarning() <= t.daysToFullCritical()) {
        s.problem("days_to_full_warning", "must be more days than days_to_full_critical");
      }
      if (t.missedRunsWarning() >= t.missedRunsCritical()) {
        s.problem("missed_runs_warning", "must be fewer than missed_runs_critical");
      }
      return t;
    }).orElse(d);
  }
}

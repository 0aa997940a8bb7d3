package dev.cairn.agent.schedule;

import dev.cairn.agent.retention.ForgetPolicy;
import dev.cairn.agent.retention.InvalidPolicyException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The node's schedules and what they need: the retention policy applied after each scheduled
 * snapshot, how much data a scheduled verify reads, and which logs are rotated after how long.
 * Defaults are the seed's {@code backup_strategy} (docs/schedules.md). Immutable.
 */
public record ScheduleSettings(boolean enabled, List<Schedule> schedules, ForgetPolicy retention,
    double verifyReadDataPercent, Path logDirectory, int logRetentionDays, ZoneId zone) {

  /** Default cron expressions by schedule name, in the order schedules run when due together. */
  public static final Map<String, String> DEFAULT_EXPRESSIONS = defaults();

  /** Name of the schedule whose snapshots are copied to the archive. */
  public static final String MONTHLY = "monthly";

  /** The value of a schedule's expression that turns it off. */
  public static final String OFF = "off";

  public ScheduleSettings {
    schedules = List.copyOf(schedules);
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(logDirectory, "logDirectory");
    Objects.requireNonNull(zone, "zone");
  }

  private static Map<String, String> defaults() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("incremental", "0 */6 * * *");
    map.put("daily", "0 2 * * *");
    map.put("weekly", "0 3 * * 0");
    map.put(MONTHLY, "0 4 1 * *");
    map.put("restore-test", "0 5 * * 0");
    map.put("verify", "0 5 * * 3");
    map.put("rotate-logs", "30 0 * * *");
    return Collections.unmodifiableMap(map);
  }

  /** The action of a schedule name: the four snapshot schedules, then one per other action. */
  static ScheduleAction actionOf(String name) {
    return switch (name) {
      case "restore-test" -> ScheduleAction.RESTORE_TEST;
      case "verify" -> ScheduleAction.VERIFY;
      case "rotate-logs" -> ScheduleAction.ROTATE_LOGS;
      default -> ScheduleAction.SNAPSHOT;
    };
  }

  /**
   * Builds settings from expressions by schedule name (missing names take their default; {@code
   * off} disables one) and a named retention policy.
   *
   * @throws InvalidScheduleException for an unknown schedule name, a bad expression or policy, or
   *     out-of-range numbers
   */
  public static ScheduleSettings of(boolean enabled, Map<String, String> expressions, String retention,
      double verifyReadDataPercent, Path logDirectory, int logRetentionDays, ZoneId zone)
      throws InvalidScheduleException {
    for (String name : expressions.keySet()) {
      if (!DEFAULT_EXPRESSIONS.containsKey(name)) {
        throw new InvalidScheduleException("unknown schedule '" + name + "'; the schedules are "
            + DEFAULT_EXPRESSIONS.keySet());
      }
    }
    List<Schedule> schedules = new ArrayList<>();
    for (Map.Entry<String, String> entry : DEFAULT_EXPRESSIONS.entrySet()) {
      String expression = expressions.getOrDefault(entry.getKey(), entry.getValue());
      if (OFF.equals(expression.trim())) {
        continue;
      }
      CronSchedule cron;
      try {
        cron = CronSchedule.parse(expression, zone);
      } catch (InvalidScheduleException e) {
        throw new InvalidScheduleException(entry.getKey() + ": " + e.getMessage());
      }
      schedules.add(new Schedule(entry.getKey(), cron, actionOf(entry.getKey()), MONTHLY.equals(entry.getKey())));
    }
    if (!(verifyReadDataPercent >= 0 && verifyReadDataPercent <= 100)) {
      throw new InvalidScheduleException("verifyReadDataPercent must be from 0 to 100, not " + verifyReadDataPercent);
    }
    if (logRetentionDays < 1) {
      throw new InvalidScheduleException("logRetentionDays must be at least 1, not " + logRetentionDays);
    }
    ForgetPolicy policy;
    try {
      policy = ForgetPolicy.named(retention);
    } catch (InvalidPolicyException e) {
      throw new InvalidScheduleException("retention: " + e.getMessage());
    }
    return new ScheduleSettings(enabled, schedules, policy, verifyReadDataPercent, logDirectory, logRetentionDays,
        zone);
  }

  /** The seed's defaults. */
  public static ScheduleSettings defaults(Path logDirectory, ZoneId zone) {
    try {
      return of(true, Map.of(), ForgetPolicy.GFS_DEFAULT, 5, logDirectory, 90, zone);
    } catch (InvalidScheduleException e) {
      throw new IllegalStateException("the built-in schedules are invalid", e);
    }
  }
}

package dev.cairn.inventory.desired;

import dev.cairn.inventory.desired.Schedule.Action;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code cairn_schedules}: the seed's backup strategy by default (snapshots every 6
 * hours, daily 02:00, weekly Sunday 03:00, monthly on the 1st 04:00 copied to the archive, daily
 * forget, weekly prune, restore test and a verify reading 5% of the data, daily log rotation
 * keeping 90 days). Entries change fields of a default of the same name, add schedules, or remove
 * one with {@code enabled: false}.
 */
final class ScheduleSection {

  private ScheduleSection() {}

  static Map<String, Schedule> defaults() {
    Map<String, Schedule> s = new LinkedHashMap<>();
    put(s, snapshot("incremental", "0 */6 * * *", null));
    put(s, snapshot("daily", "0 2 * * *", null));
    put(s, snapshot("weekly", "0 3 * * 0", null));
    put(s, snapshot("monthly", "0 4 1 * *", "archive"));
    put(s, new Schedule("forget", "30 4 * * *", Action.FORGET, List.of(), "local", List.of(), null,
        null, null));
    put(s, new Schedule("prune", "0 5 * * 0", Action.PRUNE, List.of(), "local", List.of(), null,
        null, null));
    put(s, new Schedule("restore-test", "0 6 * * 0", Action.RESTORE_TEST, List.of(), "local",
        List.of(), null, null, null));
    put(s, new Schedule("verify", "0 5 * * 3", Action.VERIFY, List.of(), "local", List.of(), null,
        5, null));
    put(s, new Schedule("rotate-logs", "15 0 * * *", Action.ROTATE_LOGS, List.of(), null,
        List.of(), null, null, 90));
    return s;
  }

  private static Schedule snapshot(String name, String cron, String copyTo) {
    return new Schedule(name, cron, Action.SNAPSHOT, List.of(), "local", List.of(name), copyTo,
        null, null);
  }

  private static void put(Map<String, Schedule> map, Schedule s) {
    map.put(s.name(), s);
  }

  static List<Schedule> schedules(CairnVariables vars, Set<String> volumes, Set<String> repos) {
    Map<String, Schedule> schedules = defaults();
    vars.spec("cairn_schedules").ifPresent(spec -> {
      for (Map.Entry<String, Object> e : spec.entries().entrySet()) {
        Spec.of(e.getValue(), "cairn_schedules." + e.getKey(), spec.origin(), spec.problems())
            .ifPresent(s -> apply(e.getKey(), s, schedules, volumes, repos));
      }
    });
    List<Schedule> result = new ArrayList<>(schedules.values());
    result.sort(Comparator.comparing(Schedule::name));
    return result;
  }

  private static void apply(String name, Spec spec, Map<String, Schedule> schedules,
      Set<String> volumes, Set<String> repos) {
    spec.only("cron", "action", "volumes", "repository", "tags", "copy_to", "read_data_percent",
        "keep_days", "enabled");
    if (!spec.bool("enabled", true)) {
      schedules.remove(name);
      return;
    }
    Schedule old = schedules.get(name);
    if (old == null && (!spec.has("cron") || !spec.has("action"))) {
      spec.problem(null, "a new schedule needs cron and action");
      return;
    }
    String cron = spec.string("cron", old == null ? "@daily" : old.cron());
    CronSyntax.problem(cron).ifPresent(p -> spec.problem("cron", p));
    Action action =
        spec.choice("action", Action.class, old == null ? Action.SNAPSHOT : old.action());
    List<String> vols = spec.has("volumes") ? spec.strings("volumes")
        : old == null ? List.of() : old.volumes();
    for (String v : vols) {
      if (!volumes.contains(v)) {
        spec.problem("volumes", "no volume '" + v + "' on this host");
      }
    }
    String repository = spec.string("repository", old == null ? "local" : old.repository());
    String copyTo = spec.string("copy_to", old == null ? null : old.copyTo());
    for (String repo : new String[] {repository, copyTo}) {
      if (repo != null && !repos.contains(repo)) {
        spec.problem(repo.equals(repository) ? "repository" : "copy_to",
            "no repository '" + repo + "' (known: " + repos + ")");
      }
    }
    Integer percent = spec.has("read_data_percent")
        ? spec.optionalInteger("read_data_percent", 0, 100) : old == null ? null
        : old.readDataPercent();
    Integer keepDays = spec.has("keep_days") ? spec.optionalInteger("keep_days", 1, 100_000)
        : old == null ? null : old.keepDays();
    List<String> tags = spec.has("tags") ? spec.strings("tags")
        : old == null ? List.of() : old.tags();
    if (action != Action.SNAPSHOT && copyTo != null) {
      spec.problem("copy_to", "only snapshot schedules copy snapshots");
    }
    if (action == Action.VERIFY && percent == null) {
      percent = 0;
    }
    if (action != Action.VERIFY && percent != null) {
      spec.problem("read_data_percent", "only for action: verify");
    }
    if (action == Action.ROTATE_LOGS) {
      keepDays = keepDays == null ? 90 : keepDays;
      repository = null;
    } else if (keepDays != null) {
      spec.problem("keep_days", "only for action: rotate-logs");
    }
    schedules.put(name, new Schedule(name, cron, action, vols, repository, tags, copyTo, percent,
        keepDays));
  }
}

package dev.cairn.inventory.desired;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves {@code cairn_backup_policies} (named retention policies, added to the built-in
 * {@code gfs-default} or replacing it whole) and {@code cairn_backup_policy}, the policy of
 * volumes that name none.
 */
final class PolicySection {

  private static final Pattern RESTIC_DURATION = Pattern.compile("(?:[0-9]+[ymdh])+");
  private static final List<String> COUNTS =
      List.of("keep_last", "keep_hourly", "keep_daily", "keep_weekly", "keep_monthly",
          "keep_yearly");
  private static final List<String> WITHIN =
      List.of("keep_within", "keep_within_hourly", "keep_within_daily", "keep_within_weekly",
          "keep_within_monthly", "keep_within_yearly");

  private PolicySection() {}

  /** The seed's {@code gfs-default}: 12 weeks are written as 84 days, restic has no weeks. */
  static BackupPolicy gfsDefault() {
    return new BackupPolicy(BackupPolicy.GFS_DEFAULT, null, null, null, null, null, null, null,
        "7d", "30d", "84d", "7y", null, List.of());
  }

  static List<BackupPolicy> policies(CairnVariables vars) {
    Map<String, BackupPolicy> policies = new LinkedHashMap<>();
    policies.put(BackupPolicy.GFS_DEFAULT, gfsDefault());
    vars.spec("cairn_backup_policies").ifPresent(spec -> {
      for (Map.Entry<String, Object> e : spec.entries().entrySet()) {
        String at = "cairn_backup_policies." + e.getKey();
        if (e.getKey().equals("none")) {
          spec.problem(e.getKey(), "'none' means no backups and cannot be redefined");
          continue;
        }
        Spec.of(e.getValue(), at, spec.origin(), spec.problems())
            .ifPresent(p -> policies.put(e.getKey(), policy(e.getKey(), p)));
      }
    });
    List<BackupPolicy> result = new ArrayList<>(policies.values());
    result.sort(Comparator.comparing(BackupPolicy::name));
    return result;
  }

  private static BackupPolicy policy(String name, Spec spec) {
    List<String> known = new ArrayList<>(COUNTS);
    known.addAll(WITHIN);
    known.add("keep_tags");
    spec.only(known.toArray(String[]::new));
    Integer[] counts = new Integer[COUNTS.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = spec.optionalInteger(COUNTS.get(i), 1, 1_000_000);
    }
    String[] within = new String[WITHIN.size()];
    for (int i = 0; i < within.length; i++) {
      within[i] = spec.string(WITHIN.get(i), null);
      if (within[i] != null && !RESTIC_DURATION.matcher(within[i]).matches()) {
        spec.problem(WITHIN.get(i), "'" + within[i] + "' is not a restic duration such as 7d,"
            + " 12m (months), 2y or 1y6m");
        within[i] = null;
      } else if (within[i] != null && within[i].matches("(?:0+[ymdh])+")) {
        // the agent takes a zero duration for no rule at all (as restic does)
        spec.problem(WITHIN.get(i), "'" + within[i] + "' keeps nothing: give a duration above zero, or leave the rule out");
        within[i] = null;
      }
    }
    List<String> tags = spec.strings("keep_tags");
    boolean any = !tags.isEmpty() || Arrays.stream(counts).anyMatch(Objects::nonNull)
        || Arrays.stream(within).anyMatch(Objects::nonNull);
    if (!any) {
      spec.problem(null, "a policy needs at least one keep_* rule, or it would keep nothing");
    }
    return new BackupPolicy(name, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
        within[0], within[1], within[2], within[3], within[4], within[5], tags);
  }

  /** The default policy name ({@code gfs-default} unless set); {@code none} is allowed. */
  static String defaultPolicy(CairnVariables vars, List<BackupPolicy> policies) {
    if (!vars.has("cairn_backup_policy")) {
      return BackupPolicy.GFS_DEFAULT;
    }
    Object v = vars.value("cairn_backup_policy");
    List<String> names = policies.stream().map(BackupPolicy::name).toList();
    if (v instanceof String s && (s.equals("none") || names.contains(s))) {
      return s;
    }
    vars.problems().add(vars.origin("cairn_backup_policy"), "cairn_backup_policy",
        Spec.describe(v) + " is not a policy; use one of " + names + " or none");
    return BackupPolicy.GFS_DEFAULT;
  }
}

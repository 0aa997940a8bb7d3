package dev.cairn.agent.retention;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a {@link ForgetPolicy} from {@code forget}'s command-line flags or from a desired-state
 * map. Both accept restic's options — {@code keep-last}, {@code keep-hourly}, {@code keep-daily},
 * {@code keep-weekly}, {@code keep-monthly}, {@code keep-yearly} (a whole number or {@code
 * unlimited}), {@code keep-within}, {@code keep-within-hourly|daily|weekly|monthly|yearly} (a
 * duration like {@code 1y2m3d4h}), {@code keep-tag} (tags separated by commas, repeatable) — plus
 * {@code policy} (a named policy such as {@code gfs-default}, which the other options then
 * override). Errors name the option and the accepted form.
 */
public final class ForgetPolicyParser {
  private static final List<String> COUNT_OPTIONS = List.of(
      "keep-last", "keep-hourly", "keep-daily", "keep-weekly", "keep-monthly", "keep-yearly");
  private static final List<String> DURATION_OPTIONS = List.of(
      "keep-within", "keep-within-hourly", "keep-within-daily", "keep-within-weekly",
      "keep-within-monthly", "keep-within-yearly");
  private static final Map<String, String> SHORT_FLAGS = Map.of(
      "-l", "keep-last", "-H", "keep-hourly", "-d", "keep-daily", "-w", "keep-weekly",
      "-m", "keep-monthly", "-y", "keep-yearly");

  private ForgetPolicyParser() {}

  /**
   * Parses flags such as {@code --keep-daily 7 --keep-tag=important --policy gfs-default} (also
   * restic's short forms {@code -l -H -d -w -m -y}).
   *
   * @throws InvalidPolicyException for an unknown flag, a flag without a value or a bad value
   */
  public static ForgetPolicy fromFlags(List<String> args) throws InvalidPolicyException {
    ForgetPolicy.Builder builder = ForgetPolicy.builder();
    String policyName = findPolicyName(args);
    if (policyName != null) {
      builder.from(ForgetPolicy.named(policyName));
    }
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name;
      String value;
      if (arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        value = eq < 0 ? null : arg.substring(eq + 1);
      } else if (SHORT_FLAGS.containsKey(arg)) {
        name = SHORT_FLAGS.get(arg);
        value = null;
      } else {
        throw new InvalidPolicyException("unexpected argument '" + arg + "'; "
            + "retention options look like --keep-daily 7 (known: " + knownOptions() + ")");
      }
      if (!isKnown(name)) {
        throw new InvalidPolicyException("unknown option '--" + name + "'; known: "
            + knownOptions());
      }
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new InvalidPolicyException("option '--" + name + "' needs a value");
        }
        value = args.get(++i);
      }
      if (!name.equals("policy")) {
        set(builder, name, value);
      }
    }
    return builder.build();
  }

  /**
   * Parses a desired-state map such as {@code {policy: gfs-default, keep-tag: [important],
   * keep-last: 3}}. Counts may be numbers or strings; {@code keep-tag} a string or a list of
   * strings.
   *
   * @throws InvalidPolicyException for an unknown key or a bad value
   */
  public static ForgetPolicy fromMap(Map<String, ?> settings) throws InvalidPolicyException {
    ForgetPolicy.Builder builder = ForgetPolicy.builder();
    Object policy = settings.get("policy");
    if (policy != null) {
      builder.from(ForgetPolicy.named(String.valueOf(policy)));
    }
    for (String key : new TreeSet<>(settings.keySet())) {
      if (!isKnown(key)) {
        throw new InvalidPolicyException("unknown retention setting '" + key + "'; known: "
            + String.join(", ", knownOptions().replace("--", "").split(", ")));
      }
      Object value = settings.get(key);
      if (key.equals("policy") || value == null) {
        continue;
      }
      if (key.equals("keep-tag") && value instanceof List<?> list) {
        for (Object tags : list) {
          set(builder, key, String.valueOf(tags));
        }
      } else if (value instanceof String || value instanceof Number) {
        set(builder, key, String.valueOf(value));
      } else {
        throw new InvalidPolicyException("retention setting '" + key + "' must be "
            + (key.equals("keep-tag") ? "a string or a list of strings" : "a number or a string")
            + ", not " + value.getClass().getSimpleName());
      }
    }
    return builder.build();
  }

  /** Parses a count: a whole number {@code >= 0} or {@code unlimited}. */
  public static int parseCount(String option, String value) throws InvalidPolicyException {
    String v = value.strip();
    if (v.toLowerCase(Locale.ROOT).equals("unlimited")) {
      return ForgetPolicy.UNLIMITED;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw new InvalidPolicyException("--" + option + " " + v + ": negative counts are not "
            + "allowed; use a whole number >= 0, or 'unlimited' to keep every bucket");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidPolicyException("--" + option + ": '" + value + "' is not a count; use a "
          + "whole number >= 0 or 'unlimited'");
    }
  }

  private static void set(ForgetPolicy.Builder b, String name, String value)
      throws InvalidPolicyException {
    if (COUNT_OPTIONS.contains(name)) {
      int n = parseCount(name, value);
      switch (name) {
        case "keep-last" -> b.last(n);
        case "keep-hourly" -> b.hourly(n);
        case "keep-daily" -> b.daily(n);
        case "keep-weekly" -> b.weekly(n);
        case "keep-monthly" -> b.monthly(n);
        default -> b.yearly(n);
      }
    } else if (DURATION_OPTIONS.contains(name)) {
      RetentionDuration d;
      try {
        d = RetentionDuration.parse(value);
      } catch (InvalidPolicyException e) {
        throw new InvalidPolicyException("--" + name + ": " + e.getMessage());
      }
      switch (name) {
        case "keep-within" -> b.within(d);
        case "keep-within-hourly" -> b.withinHourly(d);
        case "keep-within-daily" -> b.withinDaily(d);
        case "keep-within-weekly" -> b.withinWeekly(d);
        case "keep-within-monthly" -> b.withinMonthly(d);
        default -> b.withinYearly(d);
      }
    } else if (name.equals("keep-tag")) {
      b.keepTags(Arrays.stream(value.split(",", -1)).map(String::strip).toList());
    }
  }

  private static String findPolicyName(List<String> args) throws InvalidPolicyException {
    String name = null;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--policy")) {
        if (i + 1 >= args.size()) {
          throw new InvalidPolicyException("option '--policy' needs a value, e.g. gfs-default");
        }
        name = args.get(i + 1);
      } else if (args.get(i).startsWith("--policy=")) {
        name = args.get(i).substring("--policy=".length());
      }
    }
    return name;
  }

  private static boolean isKnown(String name) {
    return COUNT_OPTIONS.contains(name) || DURATION_OPTIONS.contains(name)
        || name.equals("keep-tag") || name.equals("policy");
  }

  private static String knownOptions() {
    StringBuilder s = new StringBuilder();
    for (String o : COUNT_OPTIONS) {
      s.append("--").append(o).append(", ");
    }
    for (String o : DURATION_OPTIONS) {
      s.append("--").append(o).append(", ");
    }
    return s.append("--keep-tag, --policy").toString();
  }
}

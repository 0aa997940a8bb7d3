package dev.cairn.agent.retention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A retention policy: restic's {@code forget} options. Counts are {@code 0} (rule off), a positive
 * number, or {@link #UNLIMITED}; durations are {@link RetentionDuration#ZERO} when off; {@code
 * keepTags} is a list of tag lists (a snapshot matching all tags of any list is kept). Immutable;
 * build one with {@link #builder()} or {@link ForgetPolicyParser}.
 */
public record ForgetPolicy(
    int last,
    int hourly,
    int daily,
    int weekly,
    int monthly,
    int yearly,
    RetentionDuration within,
    RetentionDuration withinHourly,
    RetentionDuration withinDaily,
    RetentionDuration withinWeekly,
    RetentionDuration withinMonthly,
    RetentionDuration withinYearly,
    List<List<String>> keepTags) {

  /** A count meaning "every bucket" (restic's {@code unlimited}). */
  public static final int UNLIMITED = -1;

  /** Name of the seed's policy; see {@link #gfsDefault()}. */
  public static final String GFS_DEFAULT = "gfs-default";

  public ForgetPolicy {
    for (int count : new int[] {last, hourly, daily, weekly, monthly, yearly}) {
      if (count < UNLIMITED) {
        throw new IllegalArgumentException("counts are >= 0 or UNLIMITED, not " + count);
      }
    }
    Objects.requireNonNull(within, "within");
    Objects.requireNonNull(withinHourly, "withinHourly");
    Objects.requireNonNull(withinDaily, "withinDaily");
    Objects.requireNonNull(withinWeekly, "withinWeekly");
    Objects.requireNonNull(withinMonthly, "withinMonthly");
    Objects.requireNonNull(withinYearly, "withinYearly");
    keepTags = keepTags.stream().map(List::copyOf).toList();
  }

  /**
   * The seed's GFS policy, relative to each group's latest snapshot: every (6-hourly) snapshot of
   * the last 7 days ({@code --keep-within-hourly 7d}), the newest snapshot of each day for 30 days
   * ({@code --keep-within-daily 30d}), of each ISO week for 12 weeks ({@code --keep-within-weekly
   * 84d}) and of each month for 7 years ({@code --keep-within-monthly 7y}).
   */
  public static ForgetPolicy gfsDefault() {
    return builder()
        .withinHourly(new RetentionDuration(0, 0, 7, 0))
        .withinDaily(new RetentionDuration(0, 0, 30, 0))
        .withinWeekly(new RetentionDuration(0, 0, 84, 0))
        .withinMonthly(new RetentionDuration(7, 0, 0, 0))
        .build();
  }

  /**
   * A named policy.
   *
   * @throws InvalidPolicyException if no policy has that name
   */
  public static ForgetPolicy named(String name) throws InvalidPolicyException {
    if (GFS_DEFAULT.equals(name)) {
      return gfsDefault();
    }
    throw new InvalidPolicyException(
        "unknown policy '" + name + "'; known policies: " + GFS_DEFAULT);
  }

  /** Whether no rule is set (then {@link Retention#apply} keeps everything). */
  public boolean isEmpty() {
    return last == 0 && hourly == 0 && daily == 0 && weekly == 0 && monthly == 0 && yearly == 0
        && within.isZero() && withinHourly.isZero() && withinDaily.isZero()
        && withinWeekly.isZero() && withinMonthly.isZero() && withinYearly.isZero()
        && keepTags.isEmpty();
  }

  /** The count for a bucket rule. */
  int count(CalendarBucket bucket) {
    return switch (bucket) {
      case HOURLY -> hourly;
      case DAILY -> daily;
      case WEEKLY -> weekly;
      case MONTHLY -> monthly;
      case YEARLY -> yearly;
    };
  }

  /** The duration for a within-bucket rule. */
  RetentionDuration within(CalendarBucket bucket) {
    return switch (bucket) {
      case HOURLY -> withinHourly;
      case DAILY -> withinDaily;
      case WEEKLY -> withinWeekly;
      case MONTHLY -> withinMonthly;
      case YEARLY -> withinYearly;
    };
  }

  /** The policy as {@code forget} flags, e.g. {@code --keep-daily 7 --keep-within-weekly 84d}. */
  public String toFlags() {
    List<String> flags = new ArrayList<>();
    toMap().forEach((name, value) -> {
      if (!name.equals("keep-tag")) { // last in the map; written from the lists, which keep [''] apart from []
        flags.add("--" + name + " " + value);
      }
    });
    for (List<String> tags : keepTags) {
      flags.add("--keep-tag " + (tags.equals(List.of("")) ? "''" : String.join(",", tags)));
    }
    return String.join(" ", flags);
  }

  /**
   * The policy as a map {@link ForgetPolicyParser#fromMap} reads back into an equal policy, e.g.
   * {@code {keep-daily: 7, keep-within-weekly: 84d, keep-tag: [important]}}.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    putCount(map, "last", last);
    for (CalendarBucket b : CalendarBucket.values()) {
      putCount(map, b.label(), count(b));
    }
    if (!within.isZero()) {
      map.put("keep-within", within.toString());
    }
    for (CalendarBucket b : CalendarBucket.values()) {
      if (!within(b).isZero()) {
        map.put("keep-within-" + b.label(), within(b).toString());
      }
    }
    if (!keepTags.isEmpty()) {
      map.put("keep-tag", keepTags.stream().map(tags -> String.join(",", tags)).toList());
    }
    return map;
  }

  private static void putCount(Map<String, Object> map, String name, int count) {
    if (count != 0) {
      map.put("keep-" + name, count == UNLIMITED ? "unlimited" : count);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ForgetPolicy}; unset rules are off. Not thread-safe. */
  public static final class Builder {
    private int last;
    private int hourly;
    private int daily;
    private int weekly;
    private int monthly;
    private int yearly;
    private RetentionDuration within = RetentionDuration.ZERO;
    private RetentionDuration withinHourly = RetentionDuration.ZERO;
    private RetentionDuration withinDaily = RetentionDuration.ZERO;
    private RetentionDuration withinWeekly = RetentionDuration.ZERO;
    private RetentionDuration withinMonthly = RetentionDuration.ZERO;
    private RetentionDuration withinYearly = RetentionDuration.ZERO;
    private final List<List<String>> keepTags = new ArrayList<>();

    private Builder() {}

    /** Starts from an existing policy (e.g. a named one) so flags can override its rules. */
    public Builder from(ForgetPolicy p) {
      last = p.last;
      hourly = p.hourly;
      daily = p.daily;
      weekly = p.weekly;
      monthly = p.monthly;
      yearly = p.yearly;
      within = p.within;
      withinHourly = p.withinHourly;
      withinDaily = p.withinDaily;
      withinWeekly = p.withinWeekly;
      withinMonthly = p.withinMonthly;
      withinYearly = p.withinYearly;
      keepTags.clear();
      keepTags.addAll(p.keepTags);
      return this;
    }

    public Builder last(int n) {
      last = n;
      return this;
    }

    public Builder hourly(int n) {
      hourly = n;
      return this;
    }

    public Builder daily(int n) {
      daily = n;
      return this;
    }

    public Builder weekly(int n) {
      weekly = n;
      return this;
    }

    public Builder monthly(int n) {
      monthly = n;
      return this;
    }

    public Builder yearly(int n) {
      yearly = n;
      return this;
    }

    public Builder within(RetentionDuration d) {
      within = d;
      return this;
    }

    public Builder withinHourly(RetentionDuration d) {
      withinHourly = d;
      return this;
    }

    public Builder withinDaily(RetentionDuration d) {
      withinDaily = d;
      return this;
    }

    public Builder withinWeekly(RetentionDuration d) {
      withinWeekly = d;
      return this;
    }

    public Builder withinMonthly(RetentionDuration d) {
      withinMonthly = d;
      return this;
    }

    public Builder withinYearly(RetentionDuration d) {
      withinYearly = d;
      return this;
    }

    /** Adds a tag list: snapshots carrying all of these tags are kept. */
    public Builder keepTags(List<String> tags) {
      keepTags.add(List.copyOf(tags));
      return this;
    }

    public ForgetPolicy build() {
      return new ForgetPolicy(last, hourly, daily, weekly, monthly, yearly, within, withinHourly,
          withinDaily, withinWeekly, withinMonthly, withinYearly, keepTags);
    }
  }
}

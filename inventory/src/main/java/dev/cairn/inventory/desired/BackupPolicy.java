package dev.cairn.inventory.desired;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A retention policy with restic's {@code forget} semantics: a snapshot is kept if any rule keeps
 * it. Counts are null when unused; {@code keepWithin*} are restic durations such as {@code 7d},
 * {@code 12m} (months) or {@code 7y}. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupPolicy(
    String name,
    Integer keepLast,
    Integer keepHourly,
    Integer keepDaily,
    Integer keepWeekly,
    Integer keepMonthly,
    Integer keepYearly,
    String keepWithin,
    String keepWithinHourly,
    String keepWithinDaily,
    String keepWithinWeekly,
    String keepWithinMonthly,
    String keepWithinYearly,
    List<String> keepTags) {

  /** The seed's policy: 6-hourly for 7 days, daily 30 days, weekly 12 weeks, monthly 7 years. */
  public static final String GFS_DEFAULT = "gfs-default";

  public BackupPolicy {
    keepTags = keepTags == null ? List.of() : List.copyOf(keepTags);
  }
}

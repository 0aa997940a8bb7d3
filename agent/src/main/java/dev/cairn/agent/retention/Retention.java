package dev.cairn.agent.retention;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a {@link ForgetPolicy} to snapshots with restic's {@code forget} semantics; a pure
 * function (no clock, no I/O): the caller passes {@code now} and the node's time zone.
 *
 * <ol>
 *   <li>Snapshots are grouped by host and volume; each group is judged on its own.
 *   <li>Within a group they are ordered newest first; equal times are ordered by id, so the
 *       result does not depend on the order snapshots were listed in.
 *   <li>The group's <em>latest</em> time is its newest snapshot strictly before {@code now};
 *       snapshots from the future do not move it. Every within rule counts back from it.
 *   <li>Walking newest to oldest, each rule may keep the snapshot: {@code --keep-tag} if it has all
 *       tags of a list; {@code --keep-within D} if it is younger than latest minus D; a count rule
 *       if it opens a new bucket and the count is not used up (-1 never is); a within-bucket rule
 *       if it is younger than latest minus D and opens a new bucket. Buckets use local time in
 *       {@code zone}.
 *   <li>The oldest snapshot of the group is also kept by every count rule that has counts left
 *       and every within-bucket rule whose span covers it, marked {@code oldest} when it did not
 *       open a new bucket (restic 0.17+).
 *   <li>A snapshot is kept if any rule keeps it; an empty policy keeps everything.
 * </ol>
 */
public final class Retention {
  private static final String[] COUNT_REASONS = {
    "last snapshot", "hourly snapshot", "daily snapshot", "weekly snapshot", "monthly snapshot",
    "yearly snapshot"
  };
  /** Go's zero time: the reference when a group has no snapshot before now. */
  private static final ZonedDateTime NO_LATEST =
      ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private Retention() {}

  /**
   * Decides keep or remove for every snapshot: groups in (host, volume) order, each group newest
   * first.
   */
  public static List<Decision> apply(
      List<SnapshotRef> snapshots, ForgetPolicy policy, Instant now, ZoneId zone) {
    Map<List<String>, List<SnapshotRef>> groups = new TreeMap<>(
        Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
    for (SnapshotRef s : snapshots) {
      groups.computeIfAbsent(List.of(s.host(), s.volume()), k -> new ArrayList<>()).add(s);
    }
    List<Decision> decisions = new ArrayList<>(snapshots.size());
    for (List<SnapshotRef> group : groups.values()) {
      decisions.addAll(applyToGroup(group, policy, now, zone));
    }
    return List.copyOf(decisions);
  }

  private static List<Decision> applyToGroup(
      List<SnapshotRef> group, ForgetPolicy policy, Instant now, ZoneId zone) {
    List<SnapshotRef> list = new ArrayList<>(group);
    list.sort(Comparator.comparing(SnapshotRef::time).reversed()
        .thenComparing(SnapshotRef::id));
    List<Decision> decisions = new ArrayList<>(list.size());
    if (policy.isEmpty()) {
      for (SnapshotRef s : list) {
        decisions.add(new Decision(s, true, List.of("no policy given: nothing is removed")));
      }
      return decisions;
    }

    CalendarBucket[] buckets = CalendarBucket.values();
    int[] counts = new int[buckets.length + 1];
    long[] lastKey = new long[buckets.length + 1];
    counts[0] = policy.last();
    for (int i = 0; i < buckets.length; i++) {
      counts[i + 1] = policy.count(buckets[i]);
    }
    long[] lastWithinKey = new long[buckets.length];
    Arrays.fill(lastKey, -1);
    Arrays.fill(lastWithinKey, -1);

    ZonedDateTime latest = latestBefore(list, now, zone);
    Instant withinLimit = policy.within().isZero() ? null
        : policy.within().before(latest).toInstant();
    Instant[] bucketLimits = new Instant[buckets.length];
    for (int i = 0; i < buckets.length; i++) {
      RetentionDuration d = policy.within(buckets[i]);
      bucketLimits[i] = d.isZero() ? null : d.before(latest).toInstant();
    }

    for (int nr = 0; nr < list.size(); nr++) {
      SnapshotRef cur = list.get(nr);
      boolean oldest = nr == list.size() - 1;
      ZonedDateTime local = cur.time().atZone(zone);
      List<String> reasons = new ArrayList<>();

      for (List<String> tags : policy.keepTags()) {
        if (cur.hasTags(tags)) {
          reasons.add("has tags [" + String.join(", ", tags) + "]");
        }
      }
      if (withinLimit != null && cur.time().isAfter(withinLimit)) {
        reasons.add("within " + policy.within());
      }
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0 || counts[i] == ForgetPolicy.UNLIMITED) {
          long key = i == 0 ? nr : buckets[i - 1].key(local);
          if (key != lastKey[i] || oldest) {
            reasons.add((key == lastKey[i] ? "oldest " : "") + COUNT_REASONS[i]);
            lastKey[i] = key;
            if (counts[i] > 0) {
              counts[i]--;
            }
          }
        }
      }
      for (int i = 0; i < buckets.length; i++) {
        if (bucketLimits[i] != null && cur.time().isAfter(bucketLimits[i])) {
          long key = buckets[i].key(local);
          if (key != lastWithinKey[i] || oldest) {
            reasons.add((key == lastWithinKey[i] ? "oldest " : "") + buckets[i].label()
                + " within " + policy.within(buckets[i]));
            lastWithinKey[i] = key;
          }
        }
      }
      decisions.add(new Decision(cur, !reasons.isEmpty(), reasons));
    }
    return decisions;
  }

  /** The newest snapshot time strictly before {@code now}, in {@code zone}. */
  private static ZonedDateTime latestBefore(List<SnapshotRef> list, Instant now, ZoneId zone) {
    Instant latest = null;
    for (SnapshotRef s : list) {
      if (s.time().isBefore(now) && (latest == null || s.time().isAfter(latest))) {
        latest = s.time();
      }
    }
    return latest == null ? NO_LATEST : latest.atZone(zone);
  }
}

package dev.cairn.agent.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven cases of {@link Retention#apply} against restic's documented {@code forget}
 * semantics: counts, gaps, ties, ISO weeks across year ends, DST, unlimited, within rules (with Go's
 * date arithmetic), tags, grouping and the oldest-snapshot rule.
 */
class RetentionTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  /** One case: flags, snapshots as "id@local-time[#tag,tag]" in zone, the ids expected kept. */
  record Case(String name, String flags, ZoneId zone, List<String> snapshots, List<String> kept) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ZoneId newYork = ZoneId.of("America/New_York");
    List<String> sundays = List.of(
        "s01@2019-09-01T11:00", "s02@2019-09-08T11:00", "s03@2019-09-15T11:00",
        "s04@2019-09-22T11:00", "s05@2019-09-29T11:00", "s06@2019-10-06T11:00",
        "s07@2019-10-13T11:00", "s08@2019-10-20T11:00", "s09@2019-10-27T11:00",
        "s10@2019-11-03T11:00", "s11@2019-11-10T11:00", "s12@2019-11-17T11:00");
    return Stream.of(
        // restic's documented example: one backup every Sunday, --keep-daily 4 keeps the last four
        // Sundays (days without snapshots do not count: gaps are skipped)
        new Case("documented weekly Sundays, keep-daily 4", "--keep-daily 4", UTC, sundays,
            List.of("s09", "s10", "s11", "s12")),
        new Case("keep-last 3", "--keep-last 3", UTC, sundays, List.of("s10", "s11", "s12")),
        new Case("keep-last more than there are", "--keep-last 50", UTC, sundays.subList(0, 3),
            List.of("s01", "s02", "s03")),
        new Case("keep-weekly 2 on weekly snapshots", "--keep-weekly 2", UTC, sundays,
            List.of("s11", "s12")),
        // counts left after the newest buckets: the oldest snapshot is kept as well
        new Case("keep-monthly 5 over 3 months keeps the oldest too", "--keep-monthly 5", UTC,
            sundays, List.of("s05", "s09", "s12", "s01")),
        new Case("newest of each hour", "--keep-hourly 10", UTC,
            List.of("a@2020-05-01T10:05", "b@2020-05-01T10:55", "c@2020-05-01T11:00",
                "d@2020-05-01T11:59", "e@2020-05-01T12:30", "f@2020-05-01T09:00"),
            List.of("b", "d", "e", "f")),
        // ties: equal times are ordered by id, the first one opens the bucket
        new Case("tie, keep-last 1", "--keep-last 1", UTC,
            List.of("old@2020-01-01T00:00", "bbb@2020-01-02T10:00", "aaa@2020-01-02T10:00"),
            List.of("aaa")),
        new Case("tie, keep-last 2", "--keep-last 2", UTC,
            List.of("old@2020-01-01T00:00", "bbb@2020-01-02T10:00", "aaa@2020-01-02T10:00"),
            List.of("aaa", "bbb")),
        new Case("tie, keep-daily 1", "--keep-daily 1", UTC,
            List.of("bbb@2020-01-02T10:00", "aaa@2020-01-02T10:00"), List.of("aaa")),
        new Case("tie, keep-daily 2 keeps the tied oldest as oldest", "--keep-daily 2", UTC,
            List.of("bbb@2020-01-02T10:00", "aaa@2020-01-02T10:00"), List.of("aaa", "bbb")),
        // ISO weeks: 2020-12-28 .. 2021-01-03 is week 2020-53, 2021-01-04 opens 2021-01
        new Case("ISO week 53 spans new year", "--keep-weekly 10", UTC,
            List.of("w51@2020-12-20T12:00", "mon@2020-12-28T12:00", "sat@2021-01-02T12:00",
                "sun@2021-01-03T12:00", "w01@2021-01-04T12:00"),
            List.of("w51", "sun", "w01")),
        // 2024-12-30 (Monday) is in ISO week 2025-01, 2024-12-29 (Sunday) in 2024-52
        new Case("ISO week 1 starts in December", "--keep-weekly 10", UTC,
            List.of("w51@2024-12-20T12:00", "sun@2024-12-29T12:00", "mon@2024-12-30T12:00",
                "fri@2025-01-03T12:00"),
            List.of("w51", "sun", "fri")),
        new Case("yearly uses calendar years, not ISO years", "--keep-yearly 10", UTC,
            List.of("y23@2023-06-01T12:00", "sun@2024-12-29T12:00", "mon@2024-12-30T12:00",
                "fri@2025-01-03T12:00"),
            List.of("y23", "mon", "fri")),
        // DST end in Berlin: 02:30 happens twice (CEST then CET), both in local hour 02
        new Case("repeated local hour at DST end", "--keep-hourly 10", berlin,
            List.of("h01@2024-10-27T01:30+02:00", "cest@2024-10-27T02:30+02:00",
                "cet@2024-10-27T02:30+01:00", "h03@2024-10-27T03:30+01:00"),
            List.of("h01", "cet", "h03")),
        // DST start in Berlin: 02:xx does not exist; 01:59 CET and 03:01 CEST are 2 minutes apart
        // but in different local hours
        new Case("skipped local hour at DST start", "--keep-hourly 10", berlin,
            List.of("h00@2024-03-31T00:30+01:00", "h01@2024-03-31T01:59+01:00",
                "h03@2024-03-31T03:01+02:00"),
            List.of("h00", "h01", "h03")),
        // local days, not UTC days: 03:30Z on 10 March is still 9 March in New York
        new Case("days are local", "--keep-daily 10", newYork,
            List.of("d8@2024-03-08T12:00-05:00", "late9@2024-03-09T22:30-05:00",
                "early9@2024-03-09T08:00-05:00", "d10@2024-03-10T12:00-04:00"),
            List.of("d8", "late9", "d10")),
        new Case("unlimited monthly keeps every month and the oldest", "--keep-monthly unlimited",
            UTC,
            List.of("jan1@2022-01-01T00:00", "jan31@2022-01-31T00:00", "feb@2022-02-10T00:00",
                "feb2@2022-02-20T00:00", "apr@2022-04-01T00:00"),
            List.of("apr", "feb2", "jan31", "jan1")),
        new Case("combined rules are ORed", "--keep-last 1 --keep-monthly 2", UTC,
            List.of("a@2022-01-05T00:00", "b@2022-02-05T00:00", "c@2022-02-06T00:00",
                "d@2022-03-01T00:00", "e@2022-03-02T00:00"),
            List.of("e", "c")),
        new Case("keep-within 2d counts from the latest snapshot", "--keep-within 2d", UTC,
            List.of("a@2022-01-01T00:00", "b@2022-01-08T00:00", "c@2022-01-08T00:01",
                "d@2022-01-09T12:00", "e@2022-01-10T00:00"),
            List.of("c", "d", "e")),
        // Go's AddDate: 31 March minus 1 month is "31 February" = 2 March (2024 is a leap year)
        new Case("keep-within 1m from the end of March", "--keep-within 1m", UTC,
            List.of("feb29@2024-02-29T12:00", "mar1@2024-03-01T12:00", "mar2@2024-03-02T12:00",
                "mar2b@2024-03-02T13:00", "latest@2024-03-31T12:00"),
            List.of("mar2b", "latest")),
        new Case("keep-within 1y1m1d1h", "--keep-within 1y1m1d1h", UTC,
            List.of("out@2022-02-09T10:00", "edge@2022-02-09T11:00", "in@2022-02-09T11:01",
                "latest@2023-03-10T12:00"),
            List.of("in", "latest")),
        new Case("keep-within-daily keeps the newest of each day in range",
            "--keep-within-daily 3d", UTC,
            List.of("d1@2022-05-01T10:00", "d2a@2022-05-02T10:00", "d2b@2022-05-02T20:00",
                "d3@2022-05-03T08:00", "d4a@2022-05-04T09:00", "d4b@2022-05-04T11:00"),
            List.of("d2b", "d3", "d4b")),
        new Case("keep-within-weekly oldest in range kept as oldest", "--keep-within-weekly 30d",
            UTC,
            List.of("a@2022-05-02T10:00", "b@2022-05-03T10:00", "c@2022-05-10T10:00"),
            List.of("a", "b", "c")),
        new Case("keep-tag single tag", "--keep-tag foo", UTC,
            List.of("a@2022-01-01T00:00#foo", "b@2022-01-02T00:00#bar",
                "c@2022-01-03T00:00#foo,bar", "d@2022-01-04T00:00"),
            List.of("a", "c")),
        new Case("keep-tag list needs all tags", "--keep-tag foo,bar", UTC,
            List.of("a@2022-01-01T00:00#foo", "b@2022-01-02T00:00#bar",
                "c@2022-01-03T00:00#foo,bar", "d@2022-01-04T00:00"),
            List.of("c")),
        new Case("keep-tag twice is either list", "--keep-tag foo --keep-tag bar", UTC,
            List.of("a@2022-01-01T00:00#foo", "b@2022-01-02T00:00#bar",
                "c@2022-01-03T00:00#baz", "d@2022-01-04T00:00"),
            List.of("a", "b")),
        new Case("keep-tag '' keeps untagged", "--keep-tag=", UTC,
            List.of("a@2022-01-01T00:00#foo", "b@2022-01-02T00:00"),
            List.of("b")),
        new Case("empty policy keeps everything", "", UTC, sundays.subList(0, 3),
            List.of("s01", "s02", "s03")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void apply_case_keepsExactlyTheExpectedSnapshots(Case c) throws Exception {
    ForgetPolicy policy = ForgetPolicyParser.fromFlags(
        c.flags().isEmpty() ? List.of() : Arrays.asList(c.flags().split(" ")));
    List<SnapshotRef> snapshots = parse(c.snapshots(), c.zone(), "host", "vol");

    List<Decision> decisions = Retention.apply(snapshots, policy, NOW, c.zone());

    assertThat(decisions).hasSameSizeAs(snapshots);
    assertThat(kept(decisions)).containsExactlyInAnyOrderElementsOf(c.kept());
    for (Decision d : decisions) {
      assertThat(d.reasons().isEmpty()).isEqualTo(d.remove());
    }
  }

  @Test
  void apply_monthlyWithCountsLeft_marksTheOldestSnapshot() throws Exception {
    List<SnapshotRef> snapshots = parse(
        List.of("jan1@2022-01-01T00:00", "jan31@2022-01-31T00:00"), UTC, "h", "v");

    Map<String, List<String>> reasons = reasons(
        Retention.apply(snapshots, ForgetPolicyParser.fromFlags(
            List.of("--keep-monthly", "3", "--keep-last", "5")), NOW, UTC));

    assertThat(reasons.get("jan31")).containsExactly("last snapshot", "monthly snapshot");
    assertThat(reasons.get("jan1")).containsExactly("last snapshot", "oldest monthly snapshot");
  }

  @Test
  void apply_everyMatchingRule_isListedAsAReason() throws Exception {
    List<SnapshotRef> snapshots = parse(
        List.of("a@2022-01-01T00:00", "b@2022-03-01T10:00#keep"), UTC, "h", "v");
    ForgetPolicy policy = ForgetPolicyParser.fromFlags(List.of("--keep-daily", "1",
        "--keep-within", "2d", "--keep-tag", "keep", "--keep-within-monthly", "1y"));

    Map<String, List<String>> reasons = reasons(Retention.apply(snapshots, policy, NOW, UTC));

    assertThat(reasons.get("b")).containsExactly(
        "has tags [keep]", "within 2d", "daily snapshot", "monthly within 1y");
    assertThat(reasons.get("a")).containsExactly("monthly within 1y");
  }

  @Test
  void apply_snapshotsInTheFuture_doNotMoveTheWithinWindow() throws Exception {
    Instant now = Instant.parse("2022-01-10T00:00:00Z");
    List<SnapshotRef> snapshots = parse(List.of("old@2022-01-01T00:00", "a@2022-01-08T00:00",
        "b@2022-01-09T00:00", "future@2022-02-01T00:00"), UTC, "h", "v");

    List<Decision> decisions = Retention.apply(
        snapshots, ForgetPolicyParser.fromFlags(List.of("--keep-within", "2d")), now, UTC);

    // latest is b (the newest before now): a and b are within 2 days; the future one is kept too
    assertThat(kept(decisions)).containsExactlyInAnyOrder("future", "b", "a");
  }

  @Test
  void apply_groups_judgesEachHostAndVolumeAlone() throws Exception {
    List<SnapshotRef> snapshots = new ArrayList<>();
    snapshots.addAll(parse(List.of("h1v1a@2022-01-01T00:00", "h1v1b@2022-01-02T00:00"), UTC,
        "host1", "vol1"));
    snapshots.addAll(parse(List.of("h1v2a@2022-01-03T00:00", "h1v2b@2022-01-04T00:00"), UTC,
        "host1", "vol2"));
    snapshots.addAll(parse(List.of("h2v1a@2022-01-05T00:00", "h2v1b@2022-01-06T00:00"), UTC,
        "host2", "vol1"));

    List<Decision> decisions = Retention.apply(
        snapshots, ForgetPolicyParser.fromFlags(List.of("--keep-last", "1")), NOW, UTC);

    assertThat(kept(decisions)).containsExactlyInAnyOrder("h1v1b", "h1v2b", "h2v1b");
    assertThat(decisions).extracting(d -> d.snapshot().id()).containsExactly(
        "h1v1b", "h1v1a", "h1v2b", "h1v2a", "h2v1b", "h2v1a");
  }

  @Test
  void apply_inputOrder_doesNotChangeTheResult() throws Exception {
    List<SnapshotRef> snapshots = parse(List.of("c@2022-01-02T10:00", "a@2022-01-02T10:00",
        "b@2022-01-02T10:00", "d@2022-01-01T10:00"), UTC, "h", "v");
    List<SnapshotRef> reversed = new ArrayList<>(snapshots);
    java.util.Collections.reverse(reversed);
    ForgetPolicy policy = ForgetPolicyParser.fromFlags(List.of("--keep-daily", "1"));

    assertThat(Retention.apply(reversed, policy, NOW, UTC))
        .isEqualTo(Retention.apply(snapshots, policy, NOW, UTC));
  }

  /**
   * restic's documented example, shortened: one backup a day for ten years with {@code
   * --keep-daily 7 --keep-weekly 5 --keep-monthly 12 --keep-yearly 75} keeps 7 dailies, the
   * weeklies and monthlies not already kept, one per year, and (yearly counts being left) the
   * oldest snapshot.
   */
  @Test
  void apply_documentedDailyForYearsExample_keepsTheDocumentedSet() throws Exception {
    List<SnapshotRef> snapshots = new ArrayList<>();
    for (LocalDateTime t = LocalDateTime.parse("2000-01-01T03:00");
        !t.isAfter(LocalDateTime.parse("2009-12-31T03:00")); t = t.plusDays(1)) {
      snapshots.add(new SnapshotRef(t.toLocalDate().toString(), t.toInstant(ZoneOffset.UTC),
          "h", "v", List.of()));
    }
    ForgetPolicy policy = ForgetPolicyParser.fromFlags(List.of("--keep-daily", "7",
        "--keep-weekly", "5", "--keep-monthly", "12", "--keep-yearly", "75"));

    List<String> kept = kept(Retention.apply(snapshots, policy, NOW, UTC));

    List<String> expected = new ArrayList<>(List.of(
        "2009-12-25", "2009-12-26", "2009-12-27", "2009-12-28", "2009-12-29", "2009-12-30",
        "2009-12-31", // daily 7
        "2009-12-20", "2009-12-13", "2009-12-06", // weekly 5 (12-27 and 12-31 already daily)
        "2009-11-30", "2009-10-31", "2009-09-30", "2009-08-31", "2009-07-31", "2009-06-30",
        "2009-05-31", "2009-04-30", "2009-03-31", "2009-02-28", "2009-01-31", // monthly 12
        "2008-12-31", "2007-12-31", "2006-12-31", "2005-12-31", "2004-12-31", "2003-12-31",
        "2002-12-31", "2001-12-31", "2000-12-31", // yearly
        "2000-01-01")); // oldest yearly snapshot: yearly counts were left
    assertThat(kept).containsExactlyInAnyOrderElementsOf(expected);
  }

  // --- helpers --------------------------------------------------------------------------------

  static List<SnapshotRef> parse(List<String> specs, ZoneId zone, String host, String volume) {
    List<SnapshotRef> out = new ArrayList<>();
    for (String spec : specs) {
      String[] idAndRest = spec.split("@", 2);
      String[] timeAndTags = idAndRest[1].split("#", 2);
      String time = timeAndTags[0];
      Instant instant = time.matches(".*[+-]\\d\\d:\\d\\d$")
          ? java.time.OffsetDateTime.parse(time).toInstant()
          : LocalDateTime.parse(time).atZone(zone).toInstant();
      List<String> tags = timeAndTags.length > 1 ? List.of(timeAndTags[1].split(",")) : List.of();
      out.add(new SnapshotRef(idAndRest[0], instant, host, volume, tags));
    }
    return out;
  }

  static List<String> kept(List<Decision> decisions) {
    return decisions.stream().filter(Decision::keep).map(d -> d.snapshot().id()).toList();
  }

  static Map<String, List<String>> reasons(List<Decision> decisions) {
    return decisions.stream().collect(Collectors.toMap(d -> d.snapshot().id(), Decision::reasons));
  }
}

package dev.cairn.agent.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eight years of 6-hourly snapshots (2018-01-01 to 2025-12-31, UTC) under {@code gfs-default}:
 * applying it once at the end and applying it after every snapshot (as a node does) keep exactly
 * the same set, which is the set the policy's definition names — every snapshot of the last 7
 * days, the newest of each of the last 30 days, of each ISO week of the last 84 days and of each
 * month of the last 7 years.
 */
class GfsDefaultSimulationTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZonedDateTime FIRST = ZonedDateTime.of(2018, 1, 1, 0, 0, 0, 0, UTC);
  private static final ZonedDateTime LAST = ZonedDateTime.of(2025, 12, 31, 18, 0, 0, 0, UTC);

  private static List<SnapshotRef> history;

  @BeforeAll
  static void makeHistory() {
    history = new ArrayList<>();
    for (ZonedDateTime t = FIRST; !t.isAfter(LAST); t = t.plusHours(6)) {
      history.add(new SnapshotRef(t.toInstant().toString(), t.toInstant(), "node-1", "data",
          List.of()));
    }
  }

  @Test
  void apply_onceAtTheEnd_keepsExactlyTheDefinedSet() {
    Set<String> kept = keptIds(Retention.apply(history, ForgetPolicy.gfsDefault(),
        LAST.toInstant().plusSeconds(60), UTC));

    assertThat(history).hasSize(11_688);
    assertThat(new TreeSet<>(kept)).isEqualTo(new TreeSet<>(definedSet()));
    // 28 six-hourly + 23 more dailies + 8 more weeklies + 82 more monthlies
    assertThat(kept).hasSize(141);
  }

  @Test
  void apply_afterEverySnapshot_keepsTheSameSetAsOnce() {
    List<SnapshotRef> repository = new ArrayList<>();
    for (SnapshotRef snapshot : history) {
      repository.add(snapshot);
      Instant now = snapshot.time().plusSeconds(60);
      Set<String> keep = keptIds(Retention.apply(repository, ForgetPolicy.gfsDefault(), now, UTC));
      repository.removeIf(s -> !keep.contains(s.id()));
    }

    Set<String> once = keptIds(Retention.apply(history, ForgetPolicy.gfsDefault(),
        LAST.toInstant().plusSeconds(60), UTC));
    assertThat(new TreeSet<>(repository.stream().map(SnapshotRef::id).toList()))
        .isEqualTo(new TreeSet<>(once));
  }

  @Test
  void apply_onceAtTheEnd_namesTheRuleOfEachTier() {
    Map<String, List<String>> reasons = new HashMap<>();
    for (Decision d : Retention.apply(history, ForgetPolicy.gfsDefault(),
        LAST.toInstant().plusSeconds(60), UTC)) {
      reasons.put(d.snapshot().id(), d.reasons());
    }

    assertThat(reasons.get("2025-12-31T18:00:00Z")).containsExactly("hourly within 7d",
        "daily within 30d", "weekly within 84d", "monthly within 7y");
    assertThat(reasons.get("2025-12-25T00:00:00Z")).containsExactly("hourly within 7d");
    assertThat(reasons.get("2025-12-24T18:00:00Z")).containsExactly("daily within 30d");
    assertThat(reasons.get("2025-10-12T18:00:00Z")).containsExactly("weekly within 84d");
    assertThat(reasons.get("2019-01-31T18:00:00Z")).containsExactly("monthly within 7y");
    assertThat(reasons.get("2018-12-31T18:00:00Z")).isEmpty(); // exactly 7 years: not within
    assertThat(reasons.get("2018-01-01T00:00:00Z")).isEmpty(); // oldest, but out of every span
  }

  /** The policy's definition written out independently of the algorithm. */
  private static Set<String> definedSet() {
    Set<String> expected = new HashSet<>();
    Instant latest = LAST.toInstant();
    for (SnapshotRef s : history) {
      if (s.time().isAfter(latest.minusSeconds(7 * 86_400))) {
        expected.add(s.id());
      }
    }
    expected.addAll(newestPer(latest.minusSeconds(30 * 86_400L), t -> t.toLocalDate()));
    expected.addAll(newestPer(latest.minusSeconds(84 * 86_400L),
        t -> t.get(IsoFields.WEEK_BASED_YEAR) * 100 + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    expected.addAll(newestPer(LAST.minusYears(7).toInstant(),
        t -> LocalDate.of(t.getYear(), t.getMonthValue(), 1)));
    return expected;
  }

  private static Set<String> newestPer(Instant after, Function<ZonedDateTime, Object> bucket) {
    Map<Object, SnapshotRef> newest = new HashMap<>();
    for (SnapshotRef s : history) {
      if (s.time().isAfter(after)) {
        newest.merge(bucket.apply(s.time().atZone(UTC)), s,
            (a, b) -> a.time().isAfter(b.time()) ? a : b);
      }
    }
    Set<String> ids = new HashSet<>();
    newest.values().forEach(s -> ids.add(s.id()));
    return ids;
  }

  private static Set<String> keptIds(List<Decision> decisions) {
    Set<String> ids = new HashSet<>();
    for (Decision d : decisions) {
      if (d.keep()) {
        ids.add(d.snapshot().id());
      }
    }
    return ids;
  }
}

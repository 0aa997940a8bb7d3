package dev.cairn.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.retention.SnapshotRef;
import dev.cairn.agent.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Eight simulated years of the default schedules with retention after every scheduled snapshot:
 * the snapshots left are exactly those the gfs-default policy keeps, computed here independently
 * of the retention package. State (outbox, history) lives on tmpfs so the many fsyncs stay cheap.
 */
class RetentionSimulationTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin"); // has DST switches
  private static final String VOLUME = "postgresql-data";

  private Path dir;

  @BeforeEach
  void createDir() throws Exception {
    Path shm = Path.of("/dev/shm");
    dir = Files.isDirectory(shm) ? Files.createTempDirectory(shm, "cairn-sim-")
        : Files.createTempDirectory("cairn-sim-");
  }

  @AfterEach
  void removeDir() throws Exception {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void eightYears_defaultSchedules_keptSetMatchesGfsDefault() throws Exception {
    Instant start = ZonedDateTime.of(LocalDateTime.parse("2026-01-01T00:10:00"), ZONE).toInstant();
    Instant end = ZonedDateTime.of(LocalDateTime.parse("2034-01-01T00:10:00"), ZONE).toInstant();
    MutableClock clock = new MutableClock(start);
    SimulatedBackupJobs jobs = new SimulatedBackupJobs(clock, "node-1", ZONE);
    try (SchedulerFixture f = new SchedulerFixture(dir, ScheduleSettings.defaults(dir.resolve("logs"), ZONE), jobs,
        () -> List.of(VOLUME), clock)) {
      f.scheduler.runDue();
      while (true) {
        Instant next = f.scheduler.nextDue().orElseThrow();
        if (next.isAfter(end)) {
          break;
        }
        clock.set(next);
        f.scheduler.runDue();
      }
      assertThat(f.alerts.isRaised(RunReporter.alertKey("incremental", VOLUME))).isFalse();
    }

    // Every slot ran once: 4 incremental a day, one daily, one weekly, one monthly.
    long days = 365L * 8 + 2; // 2028 and 2032 are leap years
    assertThat(jobs.calls("snapshot:incremental")).isEqualTo((int) (4 * days));
    assertThat(jobs.calls("snapshot:daily")).isEqualTo((int) days);
    assertThat(jobs.calls("snapshot:weekly")).isEqualTo(417); // Sundays from 2026-01-04 to 2033-12-25
    assertThat(jobs.calls("snapshot:monthly")).isEqualTo(96);
    assertThat(jobs.archived).hasSize(96);
    assertThat(jobs.calls("restore-test")).isEqualTo(417);

    Set<String> expected = gfsDefault(jobs.taken);
    assertThat(jobs.catalog.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    // Spot checks of the shape: 84 months, nothing older than 7 years, every snapshot of the last week.
    List<SnapshotRef> kept = jobs.catalog.values().stream().sorted(Comparator.comparing(SnapshotRef::time)).toList();
    Instant latest = kept.get(kept.size() - 1).time();
    assertThat(kept.get(0).time()).isAfter(latest.atZone(ZONE).minusYears(7).toInstant());
    assertThat(kept.stream().filter(s -> s.time().isAfter(latest.atZone(ZONE).minusDays(7).toInstant())))
        .hasSize((int) jobs.taken.stream().filter(s -> s.time().isAfter(latest.atZone(ZONE).minusDays(7).toInstant()))
            .count());
    assertThat(kept.stream().map(s -> s.time().atZone(ZONE).getYear() * 100 + s.time().atZone(ZONE).getMonthValue())
        .distinct().count()).isBetween(84L, 85L);
    assertThat(kept).hasSizeBetween(130, 170);
  }

  /**
   * The policy spelled out: relative to the newest snapshot L, keep every snapshot of the last 7
   * days that is the newest of its hour, the newest of each day for 30 days, of each ISO week for
   * 84 days and of each month for 7 years (windows in local time).
   */
  private static Set<String> gfsDefault(List<SnapshotRef> all) {
    ZonedDateTime latest = all.stream().map(SnapshotRef::time).max(Instant::compareTo).orElseThrow().atZone(ZONE);
    Map<String, Long> hour = newestPerBucket(all, t -> t.toLocalDate().toString() + "T" + t.getHour());
    Map<String, Long> day = newestPerBucket(all, t -> t.toLocalDate().toString());
    Map<String, Long> week = newestPerBucket(all, t -> t.get(IsoFields.WEEK_BASED_YEAR) + "W"
        + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    Map<String, Long> month = newestPerBucket(all, t -> t.getYear() + "-" + t.getMonthValue());
    return all.stream().filter(s -> {
      ZonedDateTime t = s.time().atZone(ZONE);
      long millis = s.time().toEpochMilli();
      return keeps(t, latest.minusDays(7), hour.get(t.toLocalDate().toString() + "T" + t.getHour()), millis)
          || keeps(t, latest.minusDays(30), day.get(t.toLocalDate().toString()), millis)
          || keeps(t, latest.minusDays(84), week.get(t.get(IsoFields.WEEK_BASED_YEAR) + "W"
              + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), millis)
          || keeps(t, latest.minusYears(7), month.get(t.getYear() + "-" + t.getMonthValue()), millis);
    }).map(SnapshotRef::id).collect(Collectors.toSet());
  }

  private static boolean keeps(ZonedDateTime t, ZonedDateTime limit, long newestInBucket, long millis) {
    return t.isAfter(limit) && newestInBucket == millis;
  }

  private static Map<String, Long> newestPerBucket(List<SnapshotRef> all, Function<ZonedDateTime, String> bucket) {
    Map<String, Long> newest = new HashMap<>();
    for (SnapshotRef s : all) {
      newest.merge(bucket.apply(s.time().atZone(ZONE)), s.time().toEpochMilli(), Math::max);
    }
    return newest;
  }
}

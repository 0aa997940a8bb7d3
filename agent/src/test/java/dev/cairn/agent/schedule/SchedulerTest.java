package dev.cairn.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.testing.MutableClock;
import dev.cairn.agent.wire.Attributes;
import dev.cairn.proto.v1.Event;
import dev.cairn.proto.v1.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final List<String> VOLUMES = List.of("postgresql-data", "gitea-data");

  @TempDir Path dir;

  private static Instant local(String dateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(dateTime), ZONE).toInstant();
  }

  private SchedulerFixture fixture(MutableClock clock, SimulatedBackupJobs jobs) throws Exception {
    return new SchedulerFixture(dir, ScheduleSettings.defaults(dir.resolve("logs"), ZONE), jobs, () -> VOLUMES, clock);
  }

  @Test
  void runDue_firstStart_runsNothingAndCountsFromNow() throws Exception {
    MutableClock clock = new MutableClock(local("2026-03-01T04:30:00"));
    SimulatedBackupJobs jobs = new SimulatedBackupJobs(clock, "node-1", ZONE);
    try (SchedulerFixture f = fixture(clock, jobs)) {
      assertThat(f.scheduler.runDue()).isZero();
      assertThat(jobs.calls).isEmpty();
      assertThat(f.scheduler.nextDue()).contains(local("2026-03-01T05:00:00")); // Sunday's restore test
    }
  }

  @Test
  void runDue_nodeOffForTenDays_eachMissedScheduleRunsOnceNotOncePerSlot() throws Exception {
    MutableClock clock = new MutableClock(local("2026-02-25T12:30:00"));
    SimulatedBackupJobs jobs = new SimulatedBackupJobs(clock, "node-1", ZONE);
    try (SchedulerFixture f = fixture(clock, jobs)) {
      f.scheduler.runDue();
    }
    clock.set(local("2026-03-07T10:00:00")); // 40 incremental, 10 daily, 1 weekly, 1 monthly slots missed
    try (SchedulerFixture f = fixture(clock, jobs)) { // a restart: the history is read back from disk
      assertThat(f.scheduler.runDue()).isEqualTo(7);
      assertThat(jobs.calls("snapshot:incremental")).isEqualTo(VOLUMES.size());
      assertThat(jobs.calls("snapshot:daily")).isEqualTo(VOLUMES.size());
      assertThat(jobs.calls("snapshot:weekly")).isEqualTo(VOLUMES.size());
      assertThat(jobs.calls("snapshot:monthly")).isEqualTo(VOLUMES.size());
      assertThat(jobs.calls("forget")).isEqualTo(4 * VOLUMES.size()); // retention after each scheduled snapshot
      assertThat(jobs.archived).hasSize(VOLUMES.size()); // only the monthly ones are archived
      assertThat(jobs.calls("restore-test")).isEqualTo(VOLUMES.size());
      assertThat(jobs.calls("verify")).isEqualTo(1);
      assertThat(f.history.lastSlot("incremental")).contains(local("2026-03-07T06:00:00"));
      assertThat(f.history.lastSlot("monthly")).contains(local("2026-03-01T04:00:00"));

      assertThat(f.scheduler.runDue()).as("nothing is due twice").isZero();
      assertThat(f.scheduler.nextDue()).contains(local("2026-03-07T12:00:00"));
      List<Event> runs = f.events(RunReporter.EVENT_KIND);
      assertThat(runs).hasSize(4 * VOLUMES.size() + VOLUMES.size() + 1 + 1);
      assertThat(runs).allSatisfy(e -> assertThat(Attributes.toMap(e.getAttributesList()).get("outcome")).isIn("ok", "changed"));
      assertThat(runs).filteredOn(e -> Attributes.toMap(e.getAttributesList()).get("action").equals("snapshot"))
          .allSatisfy(e -> assertThat(Attributes.toMap(e.getAttributesList())).containsKeys("volume", "snapshot"));
    }
  }

  @Test
  void runDue_clockJumpedAYearAheadThenCorrected_schedulesRunAgainFromTheCorrectedTime() throws Exception {
    MutableClock clock = new MutableClock(local("2026-03-01T04:30:00"));
    SimulatedBackupJobs jobs = new SimulatedBackupJobs(clock, "node-1", ZONE);
    try (SchedulerFixture f = fixture(clock, jobs)) {
      f.scheduler.runDue();
      clock.set(local("2027-03-10T12:00:00")); // a wrong clock: the runs record slots in 2027
      assertThat(f.scheduler.runDue()).isPositive();
      clock.set(local("2026-03-01T05:10:00")); // corrected
      f.scheduler.runDue();
      int before = jobs.calls("snapshot:incremental");

      clock.set(local("2026-03-01T12:30:00"));
      f.scheduler.runDue();

      assertThat(jobs.calls("snapshot:incremental")).as("runs again within hours, not in 2027")
          .isEqualTo(before + VOLUMES.size());
      assertThat(f.scheduler.nextDue()).hasValueSatisfying(next -> assertThat(next).isBefore(local("2026-03-02T00:00:00")));
    }
  }

  @Test
  void runDue_snapshotFails_raisesOneAlertPerVolumeThenClearsItOnSuccess() throws Exception {
    MutableClock clock = new MutableClock(local("2026-05-04T05:00:00"));
    SimulatedBackupJobs jobs = new SimulatedBackupJobs(clock, "node-1", ZONE);
    try (SchedulerFixture f = fixture(clock, jobs)) {
      f.scheduler.runDue();
      jobs.failSnapshots = true;
      clock.set(local("2026-05-04T06:00:00"));
      f.scheduler.runDue();
      clock.set(local("2026-05-04T12:00:00"));
      f.scheduler.runDue(); // still failing: no second alert
      String key = RunReporter.alertKey("incremental", "postgresql-data");
      assertThat(f.alerts.isRaised(key)).isTrue();
      assertThat(f.events("alert.raised")).hasSize(VOLUMES.size());
      assertThat(jobs.calls("forget")).as("no retention after a failed snapshot").isZero();
      assertThat(f.history.run("incremental", "postgresql-data").orElseThrow().outcome()).isEqualTo("failed");
      assertThat(f.events(RunReporter.EVENT_KIND)).allSatisfy(e ->
          assertThat(e.getSeverity()).isEqualTo(Severity.SEVERITY_CRITICAL));

      jobs.failSnapshots = false;
      clock.set(local("2026-05-04T18:00:00"));
      f.scheduler.runDue();
      assertThat(f.alerts.isRaised(key)).isFalse();
      assertThat(f.events("alert.cleared")).hasSize(VOLUMES.size());
      RunRecord run = f.history.run("incremental", "postgresql-data").orElseThrow();
      assertThat(run.outcome()).isEqualTo("changed");
      assertThat(run.lastSuccessTime()).contains(local("2026-05-04T18:00:00").plus(Duration.ofMinutes(1)));
      assertThat(run.snapshotId()).isNotBlank();
    }
  }

  @Test
  void backupStatus_afterRuns_reportsEachCoveringScheduleWithNextDue() throws Exception {
    MutableClock clock = new MutableClock(local("2026-05-04T05:00:00"));
    SimulatedBackupJobs jobs = new SimulatedBackupJobs(clock, "node-1", ZONE);
    try (SchedulerFixture f = fixture(clock, jobs)) {
      f.scheduler.runDue();
      clock.set(local("2026-05-04T06:00:00"));
      f.scheduler.runDue();
      var status = new BackupStatusView(f.settings, f.history, clock).statusOf("postgresql-data");
      assertThat(status).extracting(s -> s.schedule())
          .containsExactly("incremental", "daily", "weekly", "monthly", "restore-test", "verify");
      var incremental = status.get(0);
      assertThat(incremental.lastOutcome()).isEqualTo("changed");
      assertThat(incremental.snapshotId()).isPresent();
      assertThat(incremental.nextDue()).contains(local("2026-05-04T12:00:00"));
      assertThat(status.get(1).lastAttempt()).isEmpty();
      assertThat(status.get(1).nextDue()).contains(local("2026-05-05T02:00:00"));
    }
  }

  @Test
  void open_damagedHistory_movesItAsideAndStartsAfresh() throws Exception {
    Files.createDirectories(dir.resolve("schedules"));
    Files.writeString(dir.resolve("schedules/history.json"), "{\"slots\": {\"daily\": tru");

    RunHistory history = RunHistory.open(dir.resolve("schedules"));

    assertThat(history.lastSlot("daily")).isEmpty();
    assertThat(dir.resolve("schedules/history.json.damaged")).hasContent("{\"slots\": {\"daily\": tru");
  }
}

package dev.cairn.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.job.BackupSettings;
import dev.cairn.agent.job.OpenedRepository;
import dev.cairn.agent.job.RepositoryAccess;
import dev.cairn.agent.job.RepositoryJobs;
import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.testing.MutableClock;
import dev.cairn.agent.wire.Attributes;
import dev.cairn.proto.v1.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled runs on a real repository and real files. */
class ScheduleRunnerTest {

  @TempDir Path dir;
  private BackupSettings backup;
  private ScheduleSettings settings;
  private MutableClock clock;

  @BeforeEach
  void setUp() throws Exception {
    Path base = dir.resolve("ai-q");
    Files.createDirectories(base.resolve("data/postgresql"));
    Files.writeString(base.resolve("data/postgresql/PG_VERSION"), "15\n");
    backup = BackupSettings.defaults(base, dir.resolve("state"), "node-1");
    settings = ScheduleSettings.defaults(base.resolve("logs/cairn"), ZoneOffset.UTC);
    clock = new MutableClock(Instant.now());
  }

  private Schedule schedule(String name) {
    return settings.schedules().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private SchedulerFixture fixture(RepositoryJobs jobs) throws Exception {
    return new SchedulerFixture(dir.resolve("state"), settings, jobs, jobs::backedUpVolumes, clock);
  }

  private ScheduleRunner runner(SchedulerFixture f, RepositoryJobs jobs) {
    return new ScheduleRunner(jobs, jobs::backedUpVolumes, settings, f.history, new RunReporter(f.events, f.alerts),
        clock);
  }

  @Test
  void run_monthly_snapshotsEachVolumeAndCopiesItToTheArchive() throws Exception {
    RepositoryJobs jobs = new RepositoryJobs(backup);
    try (SchedulerFixture f = fixture(jobs)) {
      runner(f, jobs).run(schedule("monthly"));

      RunRecord run = f.history.run("monthly", "postgresql-data").orElseThrow();
      assertThat(run.outcome()).as(run.message()).isEqualTo("changed");
      assertThat(run.message()).contains("copied snapshot");
      try (OpenedRepository main = new RepositoryAccess().open(backup.repository(), backup.passwordFile());
          OpenedRepository archive = new RepositoryAccess().open(backup.archive(), backup.archivePasswordFile())) {
        List<SnapshotRecord> snapshots = main.repository().snapshots();
        assertThat(snapshots).singleElement().satisfies(s -> {
          assertThat(s.tags()).containsExactly("monthly");
          assertThat(s.volume()).isEqualTo("postgresql-data");
          assertThat(s.id()).isEqualTo(run.snapshotId());
        });
        assertThat(archive.repository().snapshots()).extracting(SnapshotRecord::id).containsExactly(run.snapshotId());
      }
      Event event = f.events(RunReporter.EVENT_KIND).get(0);
      assertThat(Attributes.toMap(event.getAttributesList())).containsEntry("schedule", "monthly")
          .containsEntry("volume", "postgresql-data")
          .containsEntry("snapshot", run.snapshotId());
    }
  }

  @Test
  void run_volumeMissing_raisesCriticalAlertThatClearsWhenItIsBack() throws Exception {
    RepositoryJobs jobs = new RepositoryJobs(new BackupSettings(backup.base(), backup.repository(),
        backup.passwordFile(), backup.archive(), backup.archivePasswordFile(), backup.scratch(), backup.host(),
        List.of("gitea-data"), backup.zone()));
    try (SchedulerFixture f = fixture(jobs)) {
      ScheduleRunner runner = runner(f, jobs);
      runner.run(schedule("daily"));
      String key = RunReporter.alertKey("daily", "gitea-data");
      assertThat(f.alerts.isRaised(key)).isTrue();
      assertThat(f.events("alert.raised")).singleElement().satisfies(e ->
          assertThat(e.getMessage()).contains("data/gitea is not a directory"));

      Files.createDirectories(backup.base().resolve("data/gitea"));
      runner.run(schedule("daily"));
      assertThat(f.alerts.isRaised(key)).isFalse();
      assertThat(f.events("alert.cleared")).hasSize(1);
    }
  }

  @Test
  void run_rotateLogs_deletesOnlyCairnLogsOlderThan90Days() throws Exception {
    Path logs = settings.logDirectory();
    Files.createDirectories(logs);
    Path old = Files.writeString(logs.resolve("agent.log.2026-01-01.gz"), "old");
    Path recent = Files.writeString(logs.resolve("agent.log"), "new");
    Path other = Files.writeString(logs.resolve("notes.txt"), "keep");
    for (Path file : List.of(old, other)) {
      Files.setLastModifiedTime(file, FileTime.from(clock.instant().minus(Duration.ofDays(91))));
    }
    Files.setLastModifiedTime(recent, FileTime.from(clock.instant().minus(Duration.ofDays(89))));
    RepositoryJobs jobs = new RepositoryJobs(backup);
    try (SchedulerFixture f = fixture(jobs)) {
      runner(f, jobs).run(schedule("rotate-logs"));
      assertThat(old).doesNotExist();
      assertThat(recent).exists();
      assertThat(other).exists();
      assertThat(f.history.run("rotate-logs", "").orElseThrow().outcome()).isEqualTo("changed");
    }
  }
}

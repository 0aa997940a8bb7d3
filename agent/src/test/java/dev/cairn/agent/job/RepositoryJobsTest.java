package dev.cairn.agent.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.retention.ForgetPolicy;
import dev.cairn.agent.snapshot.RandomTree;
import dev.cairn.agent.snapshot.TreeComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup jobs in this process; {@code child.ChildJobsTest} runs the same tests in job processes. */
class RepositoryJobsTest {

  @TempDir protected Path dir;
  private BackupSettings settings;
  private BackupJobs jobs;
  private Path volume;

  /** The jobs under test. */
  protected BackupJobs jobs(BackupSettings settings) throws Exception {
    return new RepositoryJobs(settings);
  }

  @BeforeEach
  void setUp() throws Exception {
    Path base = dir.resolve("ai-q");
    volume = new RandomTree(42, base.resolve("data/postgresql")).build(20, 3);
    settings = new BackupSettings(base, base.resolve("backups/repo").toString(), dir.resolve("state/repo.password"),
        base.resolve("archives/repo").toString(), dir.resolve("state/archive.password"), dir.resolve("scratch"),
        "node-1", List.of(), ZoneOffset.UTC);
    jobs = jobs(settings);
  }

  private static String snapshotId(Completion completion) {
    return (String) completion.details().get(BackupJobs.SNAPSHOT_ID);
  }

  @Test
  void snapshot_firstUse_createsRepositoryAndOwnerOnlyPasswordFile() throws Exception {
    Completion done = jobs.snapshot("postgresql-data", List.of("manual"));

    assertThat(done.outcome()).isEqualTo(Outcome.CHANGED);
    assertThat(snapshotId(done)).hasSize(64);
    assertThat(Files.exists(dir.resolve("ai-q/backups/repo/config"))).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.passwordFile())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(settings.passwordFile()).strip()).hasSizeGreaterThanOrEqualTo(43);
  }

  @Test
  void restore_intoTarget_isBitExactAndVerifyAndRestoreTestPass() throws Exception {
    String id = snapshotId(jobs.snapshot("postgresql-data", List.of()));
    Path target = dir.resolve("restored");

    Completion restored = jobs.restore("postgresql-data", id, target.toString(), List.of());
    assertThat(restored.outcome()).as(restored.message()).isEqualTo(Outcome.CHANGED);
    TreeComparison.assertSameTree(volume, target);

    Completion verified = jobs.verify(100);
    assertThat(verified.outcome()).as(verified.message()).isEqualTo(Outcome.OK);
    assertThat(verified.details()).containsEntry("healthy", true);
    Completion tested = jobs.restoreTest("postgresql-data", "latest");
    assertThat(tested.outcome()).as(tested.message()).isEqualTo(Outcome.OK);
    assertThat(tested.details()).containsEntry(BackupJobs.SNAPSHOT_ID, id).containsEntry("result", "pass");
    try (var scratch = Files.list(settings.scratch())) {
      assertThat(scratch).as("the restore test cleans up").isEmpty();
    }
  }

  @Test
  void forget_gfsDefault_removesSnapshotsNotNewestInTheirHourExceptTheOldest() throws Exception {
    String first = snapshotId(jobs.snapshot("postgresql-data", List.of()));
    String second = snapshotId(jobs.snapshot("postgresql-data", List.of()));
    String third = snapshotId(jobs.snapshot("postgresql-data", List.of()));
    // Within 7 days gfs-default keeps the newest snapshot of each hour, and the group's oldest.
    Completion dryRun = jobs.forget("postgresql-data", ForgetPolicy.gfsDefault(), Instant.now(), true);
    assertThat(dryRun.details()).containsEntry("removed", List.of(second));
    try (OpenedRepository opened = new RepositoryAccess().open(settings.repository(), settings.passwordFile())) {
      assertThat(opened.repository().snapshots()).as("a dry run removes nothing").hasSize(3);
    }
    Completion forgot = jobs.forget("postgresql-data", ForgetPolicy.gfsDefault(), Instant.now(), false);
    assertThat(forgot.outcome()).isEqualTo(Outcome.CHANGED);
    assertThat(forgot.details()).containsEntry("kept", List.of(third, first)).containsEntry("removed", List.of(second));
    try (OpenedRepository opened = new RepositoryAccess().open(settings.repository(), settings.passwordFile())) {
      assertThat(opened.repository().snapshots()).extracting(r -> r.id()).containsExactlyInAnyOrder(first, third);
    }
    Completion pruned = jobs.prune();
    assertThat(pruned.outcome()).isIn(Outcome.OK, Outcome.CHANGED);
  }

  @Test
  void forget_policyThatKeepsNone_refusedAndNothingRemoved() throws Exception {
    String only = snapshotId(jobs.snapshot("postgresql-data", List.of("daily")));
    ForgetPolicy mistyped = ForgetPolicy.builder().keepTags(List.of("dialy")).build();

    assertThatThrownBy(() -> jobs.forget("postgresql-data", mistyped, Instant.now(), false))
        .isInstanceOf(JobException.class).hasMessageContaining("refusing to remove all 1 snapshot(s)");
    try (OpenedRepository opened = new RepositoryAccess().open(settings.repository(), settings.passwordFile())) {
      assertThat(opened.repository().snapshots()).extracting(r -> r.id()).containsExactly(only);
    }
  }

  @Test
  void archive_snapshot_isCopiedToTheArchiveRepositoryOnce() throws Exception {
    String id = snapshotId(jobs.snapshot("postgresql-data", List.of("monthly")));

    assertThat(jobs.archive(id).outcome()).isEqualTo(Outcome.CHANGED);
    assertThat(jobs.archive(id).outcome()).isEqualTo(Outcome.OK);
    try (OpenedRepository archive = new RepositoryAccess().open(settings.archive(), settings.archivePasswordFile())) {
      assertThat(archive.repository().snapshots()).extracting(r -> r.id()).containsExactly(id);
    }
  }

  @Test
  void open_existingRepositoryWithoutPasswordFile_failsInsteadOfCreatingANewOne() throws Exception {
    jobs.snapshot("postgresql-data", List.of());
    Files.delete(settings.passwordFile());

    assertThatThrownBy(() -> jobs.verify(0)).isInstanceOf(JobException.class)
        .hasMessageContaining("password file " + settings.passwordFile() + " is missing");
  }

  @Test
  void snapshot_badOrMissingVolume_failsWithWhatToDo() {
    assertThatThrownBy(() -> jobs.snapshot("../../etc", List.of())).isInstanceOf(JobException.class)
        .hasMessageContaining("not a catalogue name");
    assertThatThrownBy(() -> jobs.snapshot("redis-data", List.of())).isInstanceOf(JobException.class)
        .hasMessageContaining("data/redis is not a directory");
  }
}

package dev.cairn.agent.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandContext;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.command.QueuedCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handlers' own rules (arguments, every-volume snapshots, forget then prune) on a real repository. */
class BackupHandlersTest {

  @TempDir Path dir;
  private RepositoryJobs jobs;

  @BeforeEach
  void setUp() throws Exception {
    Path base = dir.resolve("ai-q");
    Files.createDirectories(base.resolve("data/postgresql"));
    Files.writeString(base.resolve("data/postgresql/PG_VERSION"), "15\n");
    Files.createDirectories(base.resolve("config/gitea"));
    Files.writeString(base.resolve("config/gitea/app.ini"), "[server]\n");
    jobs = new RepositoryJobs(BackupSettings.defaults(base, dir.resolve("state"), "node-1"));
  }

  private static CommandContext context(Command command) {
    return new CommandContext(new QueuedCommand(1, Instant.now(), Optional.empty(), "", command), Clock.systemUTC(),
        null);
  }

  @Test
  void snapshot_noVolume_snapshotsEveryExistingCatalogueVolume() throws Exception {
    Command.TakeSnapshot command = new Command.TakeSnapshot("s-1", "", List.of("manual"), "");
    Completion done = new SnapshotHandler(jobs).handle(command, context(command));

    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.CHANGED);
    assertThat(done.details()).containsOnlyKeys("postgresql-data", "gitea-config");
    assertThat(done.message()).isEqualTo("2 of 2 volumes snapshotted");
  }

  @Test
  void handlers_otherRepository_refusedWithWhatToDo() {
    Command.Prune command = new Command.Prune("p-1", "offsite");
    assertThatThrownBy(() -> new PruneHandler(jobs).handle(command, context(command)))
        .isInstanceOf(JobException.class)
        .hasMessageContaining("repository 'offsite' is not configured on this node");
  }

  @Test
  void restore_neitherVolumeNorTarget_refused() {
    Command.Restore command = new Command.Restore("r-1", "", "latest", "", List.of(), "");
    assertThatThrownBy(() -> new RestoreHandler(jobs).handle(command, context(command)))
        .isInstanceOf(JobException.class).hasMessageContaining("needs a volume");
  }

  @Test
  void forget_unknownPolicy_refusedNamingTheKnownOnes() {
    Command.Forget command = new Command.Forget("f-1", "postgresql-data", "keep-everything", false, false, "");
    assertThatThrownBy(() -> new ForgetHandler(jobs).handle(command, context(command)))
        .isInstanceOf(JobException.class).hasMessageContaining("gfs-default");
  }

  @Test
  void forget_withPrune_forgetsThenPrunes() throws Exception {
    jobs.snapshot("postgresql-data", List.of());
    Command.Forget command = new Command.Forget("f-1", "postgresql-data", "", true, false, "");
    Completion done = new ForgetHandler(jobs).handle(command, context(command));

    assertThat(done.outcome()).as(done.message()).isIn(Outcome.OK, Outcome.CHANGED);
    assertThat(done.message()).contains("keep 1 snapshots of postgresql-data").contains("pruned");
    assertThat(done.details()).containsKey("prune").containsEntry("removed", List.of());
    assertThat(done.details().get("prune")).asInstanceOf(InstanceOfAssertFactories.MAP).containsKey("bytesFreed");
  }
}

package dev.cairn.agent.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.desired.DesiredState;
import dev.cairn.agent.hook.VolumeHooks;
import dev.cairn.agent.image.ImageSettings;
import dev.cairn.agent.job.child.ChildJobs;
import dev.cairn.agent.job.child.JobEnvironment;
import dev.cairn.agent.job.child.JobLauncher;
import dev.cairn.agent.layout.LayoutApplier;
import dev.cairn.agent.layout.LayoutService;
import dev.cairn.agent.snapshot.RandomTree;
import dev.cairn.agent.testing.AgentThread;
import dev.cairn.inventory.desired.Hook;
import dev.cairn.inventory.desired.ServiceHooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backup jobs in real job processes (JVMs started from this test's class path): every test of
 * {@link RepositoryJobsTest}, plus what only a job process can get wrong.
 */
class ChildJobsTest extends RepositoryJobsTest {

  private final List<String> events = new ArrayList<>();

  @Override
  protected BackupJobs jobs(BackupSettings settings) {
    LayoutApplier layout = new LayoutApplier(new LayoutService(), settings.base());
    return new ChildJobs(new JobEnvironment(settings, null, ImageSettings.defaults()),
        JobLauncher.fromSystemProperties(), (kind, severity, message, attributes) -> events.add(kind), layout,
        VolumeHooks.none());
  }

  private BackupSettings settings(Path base) {
    return new BackupSettings(base, base.resolve("backups/repo").toString(), dir.resolve("state/repo.password"),
        base.resolve("archives/repo").toString(), dir.resolve("state/archive.password"), dir.resolve("scratch"),
        "node-1", List.of(), ZoneOffset.UTC);
  }

  @Test
  void snapshot_hooksOfTheAgentsDesiredState_runInTheJobProcess() throws Exception {
    Path base = dir.resolve("hooked");
    Path volume = new RandomTree(7, base.resolve("data/postgresql")).build(5, 2);
    Path marker = volume.resolve("frozen.marker");
    LayoutApplier layout = new LayoutApplier(new LayoutService(), base);
    VolumeHooks hooks = new VolumeHooks(base, layout::serviceOf, () -> null);
    Completion applied = hooks.apply(desired(3, new ServiceHooks("postgresql",
        List.of(command("echo consistent > " + marker)), List.of(command("rm " + marker)))));
    assertThat(applied.outcome()).as(applied.message()).isEqualTo(Outcome.CHANGED);
    ChildJobs jobs = new ChildJobs(new JobEnvironment(settings(base), null, ImageSettings.defaults()),
        JobLauncher.fromSystemProperties(), (kind, severity, message, attributes) -> {}, layout, hooks);

    Completion done = jobs.snapshot("postgresql-data", List.of());

    assertThat(done.outcome()).as(done.message()).isEqualTo(Outcome.CHANGED);
    assertThat((List<?>) done.details().get("hooks")).as("pre and post hook ran in the job").hasSize(2);
    assertThat(marker).as("the post hook ran").doesNotExist();
    assertThat(done.details().get("filesNew")).as("whole numbers come back as numbers").isInstanceOf(Long.class);
    Path restored = dir.resolve("restored");
    jobs.restore("postgresql-data", (String) done.details().get(BackupJobs.SNAPSHOT_ID), restored.toString(),
        List.of());
    assertThat(Files.readString(restored.resolve("frozen.marker")).strip()).isEqualTo("consistent");
  }

  @Test
  void agentStopping_interruptsTheJobProcess_whosePostHooksStillRun() throws Exception {
    Path base = dir.resolve("stopped");
    new RandomTree(8, base.resolve("data/postgresql")).build(3, 1);
    Path started = dir.resolve("pre-started");
    Path postRan = dir.resolve("post-ran");
    LayoutApplier layout = new LayoutApplier(new LayoutService(), base);
    VolumeHooks hooks = new VolumeHooks(base, layout::serviceOf, () -> null);
    hooks.apply(desired(4, new ServiceHooks("postgresql", List.of(new Hook(Hook.Type.COMMAND, null,
        List.of("sh", "-c", "touch " + started + "; exec sleep 60"), 120, Hook.OnError.FAIL)),
        List.of(command("touch " + postRan)))));
    ChildJobs jobs = new ChildJobs(new JobEnvironment(settings(base), null, ImageSettings.defaults()),
        JobLauncher.fromSystemProperties(), (kind, severity, message, attributes) -> {}, layout, hooks);
    AgentThread agentThread = AgentThread.start(() -> jobs.snapshot("postgresql-data", List.of()));
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(started));

    long stop = System.nanoTime();
    agentThread.interrupt();
    boolean ended = agentThread.join(Duration.ofSeconds(40));

    assertThat(ended).as("the agent's thread is free again").isTrue();
    assertThat(agentThread.thrown()).isInstanceOf(InterruptedException.class);
    assertThat(postRan).as("the job ran its post hook before it ended").exists();
    assertThat(Duration.ofNanos(System.nanoTime() - stop)).as("not the sleep's 60 s, not the kill's 35 s")
        .isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void jobProcessThatDiesWithoutAnAnswer_failsTheJobWithWhereToLook() {
    Path base = dir.resolve("ai-q");
    JobLauncher broken = new JobLauncher(JobLauncher.fromSystemProperties().java(),
        JobLauncher.fromSystemProperties().classPath(), List.of("-XX:+NoSuchOptionAnywhere"));
    ChildJobs jobs = new ChildJobs(new JobEnvironment(settings(base), null, ImageSettings.defaults()), broken,
        (kind, severity, message, attributes) -> {}, new LayoutApplier(new LayoutService(), base), VolumeHooks.none());

    assertThatThrownBy(() -> jobs.verify(0)).isInstanceOf(JobException.class)
        .hasMessageContaining("the job process for verify ended (exit code 1) without saying how the job went");
  }

  @Test
  void javaThatDoesNotStart_failsTheJobNamingIt() {
    Path base = dir.resolve("ai-q");
    JobLauncher missing = new JobLauncher(dir.resolve("no-jdk/bin/java"), "", List.of());
    ChildJobs jobs = new ChildJobs(new JobEnvironment(settings(base), null, ImageSettings.defaults()), missing,
        (kind, severity, message, attributes) -> {}, new LayoutApplier(new LayoutService(), base), VolumeHooks.none());

    assertThatThrownBy(() -> jobs.prune()).isInstanceOf(JobException.class)
        .hasMessageContaining("cannot start the job process for prune (" + dir.resolve("no-jdk/bin/java") + ")");
  }

  private static Hook command(String script) {
    return SnapshotHooksTest.command(script, Hook.OnError.FAIL);
  }

  private static DesiredState desired(long version, ServiceHooks... services) throws Exception {
    return SnapshotHooksTest.desired(version, services);
  }
}

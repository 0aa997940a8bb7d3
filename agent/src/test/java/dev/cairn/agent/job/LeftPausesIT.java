package dev.cairn.agent.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.hook.DockerContainerRuntime;
import dev.cairn.agent.hook.PauseJournal;
import dev.cairn.agent.hook.SleepingContainer;
import dev.cairn.agent.hook.VolumeHooks;
import dev.cairn.agent.image.ImageSettings;
import dev.cairn.agent.image.testing.Dockerd;
import dev.cairn.agent.image.testing.DockerdExtension;
import dev.cairn.agent.job.child.ChildJobs;
import dev.cairn.agent.job.child.JobEnvironment;
import dev.cairn.agent.job.child.JobLauncher;
import dev.cairn.agent.layout.LayoutApplier;
import dev.cairn.agent.layout.LayoutService;
import dev.cairn.agent.snapshot.RandomTree;
import dev.cairn.agent.testing.AgentThread;
import dev.cairn.inventory.desired.Hook;
import dev.cairn.inventory.desired.ServiceHooks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job process killed with SIGKILL while its snapshot's pause hook holds a real container paused
 * (real Docker engine, real job JVM): the agent finds the container in the pause journal and
 * unpauses it.
 */
@ExtendWith(DockerdExtension.class)
class LeftPausesIT {

  @TempDir static Path images;
  @TempDir Path dir;

  private Dockerd dockerd;
  private SleepingContainer pg;
  private String container;
  private DockerContainerRuntime runtime;

  @BeforeEach
  void startContainer(Dockerd dockerd) throws Exception {
    this.dockerd = dockerd;
    pg = SleepingContainer.start(dockerd, images, "pg");
    container = pg.name();
    runtime = new DockerContainerRuntime(dockerd.engine());
  }

  @AfterEach
  void removeContainer() throws Exception {
    pg.close();
  }

  @Test
  void jobProcessKilledWhileTheContainerIsPaused_theAgentUnpausesItAndSaysSo() throws Exception {
    Path base = dir.resolve("ai-q");
    new RandomTree(9, base.resolve("data/postgresql")).build(3, 1);
    Path journalFile = dir.resolve("state/hooks/paused");
    LayoutApplier layout = new LayoutApplier(new LayoutService(), base);
    VolumeHooks hooks = new VolumeHooks(base, layout::serviceOf, () -> null);
    Completion applied = hooks.apply(SnapshotHooksTest.desired(5, new ServiceHooks("postgresql", List.of(
        new Hook(Hook.Type.PAUSE, container, List.of(), 30, Hook.OnError.FAIL),
        new Hook(Hook.Type.COMMAND, null, List.of("sleep", "297"), 600, Hook.OnError.FAIL)),
        List.of(new Hook(Hook.Type.UNPAUSE, container, List.of(), 30, Hook.OnError.FAIL)))));
    assertThat(applied.outcome()).as(applied.message()).isEqualTo(Outcome.CHANGED);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    BackupSettings settings = new BackupSettings(base, base.resolve("backups/repo").toString(),
        dir.resolve("state/repo.password"), base.resolve("archives/repo").toString(),
        dir.resolve("state/archive.password"), dir.resolve("scratch"), "node-1", List.of(), ZoneOffset.UTC);
    ChildJobs jobs = new ChildJobs(new JobEnvironment(settings, dockerd.host(), ImageSettings.defaults(), journalFile),
        JobLauncher.fromSystemProperties(), (kind, severity, message, attributes) -> events.add(kind + ": " + message),
        layout, hooks);
    AgentThread agentThread = AgentThread.start(() -> jobs.snapshot("postgresql-data", List.of()));
    await().atMost(Duration.ofSeconds(90)).until(() -> runtime.paused(container));
    assertThat(PauseJournal.at(journalFile).containers()).containsExactly(container);

    // the test JVM's one java child (its command line, with the test class path, is too long for Info)
    List<ProcessHandle> javaChildren = ProcessHandle.current().children()
        .filter(p -> p.info().command().orElse("").endsWith("/java")).toList();
    assertThat(javaChildren).as("the job process").hasSize(1);
    ProcessHandle job = javaChildren.get(0);
    job.destroyForcibly();
    boolean ended = agentThread.join(Duration.ofSeconds(90));

    assertThat(ended).isTrue();
    assertThat(agentThread.thrown()).isInstanceOf(JobException.class)
        .hasMessageContaining("ended (exit code 137) without saying how the job went");
    assertThat(runtime.paused(container)).as("unpaused by the recovery job").isFalse();
    assertThat(pg.status()).isEqualTo("running");
    assertThat(PauseJournal.at(journalFile).containers()).isEmpty();
    assertThat(events).anySatisfy(e -> assertThat(e).startsWith(LeftPauses.EVENT + ": unpaused " + container));
    assertThat(jobs.recoverPauses().outcome()).as("nothing left").isEqualTo(Outcome.OK);
    // the hook's sleep outlived its killed job process
    ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").equals("sleep 297"))
        .forEach(ProcessHandle::destroyForcibly);
  }
}

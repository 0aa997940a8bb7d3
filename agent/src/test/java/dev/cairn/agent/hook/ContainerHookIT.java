package dev.cairn.agent.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.agent.hook.HookOutcome.Phase;
import dev.cairn.agent.hook.HookOutcome.Status;
import dev.cairn.agent.image.testing.Dockerd;
import dev.cairn.agent.image.testing.DockerdExtension;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.snapshot.SnapshotOptions;
import dev.cairn.agent.snapshot.SnapshotPipeline;
import dev.cairn.agent.snapshot.SnapshotProgress;
import dev.cairn.agent.snapshot.TestRepositories;
import dev.cairn.agent.testing.AgentThread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Container hooks against a real, private Docker engine and a running busybox container. */
@ExtendWith(DockerdExtension.class)
class ContainerHookIT {

  @TempDir static Path images;
  @TempDir Path tmp;

  private Dockerd dockerd;
  private SleepingContainer app;
  private String container;
  private DockerContainerRuntime runtime;
  private HookExecutor executor;

  @BeforeEach
  void startContainer(Dockerd dockerd) throws Exception {
    this.dockerd = dockerd;
    app = SleepingContainer.start(dockerd, images, "app");
    container = app.name();
    runtime = new DockerContainerRuntime(dockerd.engine());
    executor = new HookExecutor(runtime);
  }

  @AfterEach
  void removeContainer() throws Exception {
    executor.close();
    app.close();
  }

  private static Duration seconds(int s) {
    return Duration.ofSeconds(s);
  }

  @Test
  void hookedSnapshot_pauseHook_containerIsPausedDuringTheSnapshotAndRunningAfter() throws Exception {
    Path volume = Files.createDirectories(tmp.resolve("vol"));
    Files.writeString(volume.resolve("a.txt"), "data");
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    List<Boolean> pausedDuringSnapshot = Collections.synchronizedList(new ArrayList<>());
    SnapshotProgress probe = new SnapshotProgress() {
      @Override
      public void file(long files, long bytesRead, String path) {
        try {
          pausedDuringSnapshot.add(runtime.paused(container));
        } catch (ContainerException e) {
          throw new IllegalStateException(e);
        }
      }
    };
    HookPlan plan = new HookPlan("app", List.of(new HookStep.Pause(container, seconds(30), OnError.FAIL)),
        List.of(new HookStep.Unpause(container, seconds(30), OnError.FAIL)));

    HookedSnapshotResult result = new HookedSnapshot(new HookSequence(executor), List.of(plan))
        .run(new SnapshotPipeline(repo, SnapshotOptions.of("app-data", List.of(), "h"), probe), volume);

    assertThat(result.ok()).as(result.error()).isTrue();
    assertThat(result.snapshot().summary().filesNew()).isEqualTo(1);
    assertThat(pausedDuringSnapshot).containsExactly(true);
    assertThat(runtime.paused(container)).isFalse();
    assertThat(dockerd.docker("inspect", "--format", "{{.State.Status}}", container)).isEqualTo("running");
    assertThat(result.hooks().phase(Phase.CLEANUP)).isEmpty();
  }

  @Test
  void hookedSnapshot_snapshotFailsAfterPauseWithoutUnpauseStep_cleanupUnpauses() throws Exception {
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    HookPlan plan = new HookPlan("app", List.of(new HookStep.Pause(container, seconds(30), OnError.FAIL)), List.of());

    HookedSnapshotResult result = new HookedSnapshot(new HookSequence(executor), List.of(plan))
        .run(new SnapshotPipeline(repo, SnapshotOptions.of("v", List.of(), "h"), SnapshotProgress.NONE),
            tmp.resolve("no-such-volume"));

    assertThat(result.ok()).isFalse();
    assertThat(result.snapshot()).isNull();
    assertThat(result.error()).startsWith("snapshot failed:");
    assertThat(result.hooks().phase(Phase.CLEANUP)).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(Status.OK);
      assertThat(o.step()).isEqualTo(new HookStep.Unpause(container, seconds(30), OnError.FAIL));
    });
    assertThat(runtime.paused(container)).isFalse();
  }

  @Test
  void run_execHook_writesTheFileInsideTheContainer() throws Exception {
    HookStep exec = new HookStep.Exec(container, List.of("sh", "-c", "echo $WORD > /file; echo done"),
        Map.of("WORD", "x"), seconds(30), OnError.FAIL);

    HookOutcome outcome = executor.run("app", Phase.PRE, 0, exec);

    assertThat(outcome.status()).as(outcome.summary()).isEqualTo(Status.OK);
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.output()).isEqualTo("done\n");
    assertThat(dockerd.docker("exec", container, "cat", "/file")).isEqualTo("x");
  }

  @Test
  void run_execHookInterrupted_stopsTheProcessInTheContainer() throws Exception {
    HookStep exec = new HookStep.Exec(container, List.of("sleep", "293"), Map.of(), seconds(120), OnError.FAIL);
    AgentThread agentThread = AgentThread.start(() -> executor.run("app", Phase.PRE, 0, exec));
    await().atMost(Duration.ofSeconds(30)).until(() -> dockerd.docker("top", container).contains("sleep 293"));

    agentThread.interrupt();
    agentThread.join(Duration.ofSeconds(30));

    assertThat(agentThread.thrown()).isInstanceOf(InterruptedException.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> !dockerd.docker("top", container).contains("sleep 293"));
  }

  @Test
  void run_execHookExitingNonZero_failsWithItsStatusAndOutput() throws Exception {
    HookStep exec = new HookStep.Exec(container, List.of("sh", "-c", "echo oops >&2; exit 7"), Map.of(),
        seconds(30), OnError.FAIL);

    HookOutcome outcome = executor.run("app", Phase.PRE, 0, exec);

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.exitCode()).isEqualTo(7);
    assertThat(outcome.output()).isEqualTo("oops\n");
  }

  @Test
  void run_execHookPastItsTimeout_isKilledAndReportedTimedOut() throws Exception {
    HookStep exec = new HookStep.Exec(container, List.of("sleep", "600"), Map.of(), seconds(1), OnError.FAIL);
    long start = System.nanoTime();

    HookOutcome outcome = executor.run("app", Phase.PRE, 0, exec);

    assertThat(outcome.status()).isEqualTo(Status.TIMED_OUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(seconds(20));
    String processes = dockerd.docker("exec", container, "ps");
    assertThat(processes).as("the exec'd sleep was killed").doesNotContain("sleep 600");
  }

  @Test
  void run_unknownContainer_failsNamingIt() throws Exception {
    HookOutcome outcome = executor.run("app", Phase.PRE, 0, new HookStep.Pause("nope-" + container, seconds(10),
        OnError.FAIL));

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.message()).contains("no such container").contains("nope-" + container);
  }

  @Test
  void run_unpauseOfARunningContainer_succeedsAndSaysSo() throws Exception {
    HookOutcome outcome = executor.run("app", Phase.POST, 0, new HookStep.Unpause(container, seconds(10), OnError.FAIL));

    assertThat(outcome.status()).isEqualTo(Status.OK);
    assertThat(outcome.message()).isEqualTo("was not paused");
  }
}

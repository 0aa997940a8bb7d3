package dev.cairn.agent.hook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PauseRecovery} and the journal {@link HookSequence} keeps, with an in-memory engine (Docker: LeftPausesIT). */
class PauseRecoveryTest {

  @TempDir Path dir;

  /** An in-memory stand-in for a container engine: containers, which are paused, which cannot be reached. */
  private static final class MemoryEngine implements ContainerRuntime {
    final Set<String> existing = ConcurrentHashMap.newKeySet();
    final Set<String> paused = ConcurrentHashMap.newKeySet();
    final Set<String> unreachable = ConcurrentHashMap.newKeySet();

    @Override
    public ProcessEnd exec(String container, List<String> argv, Map<String, String> env, Duration timeout,
        OutputStream output) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void pause(String container) throws ContainerException {
      check(container);
      paused.add(container);
    }

    @Override
    public boolean unpause(String container) throws ContainerException {
      check(container);
      return paused.remove(container);
    }

    @Override
    public boolean paused(String container) throws ContainerException {
      check(container);
      return paused.contains(container);
    }

    private void check(String container) throws ContainerException {
      if (unreachable.contains(container)) {
        throw new ContainerException("cannot reach the engine", null);
      }
      if (!existing.contains(container)) {
        throw new ContainerException("no such container " + container, null, true);
      }
    }
  }

  @Test
  void recover_unpausesStrikesOutRunningAndGoneAndKeepsWhatItCannotAsk() throws Exception {
    PauseJournal journal = PauseJournal.at(dir.resolve("paused"));
    MemoryEngine engine = new MemoryEngine();
    engine.existing.addAll(List.of("pg", "redis", "minio"));
    engine.paused.add("pg");
    engine.unreachable.add("minio");
    for (String container : List.of("pg", "redis", "gone", "minio")) {
      journal.pausing(container);
    }

    PauseRecovery.Report report = PauseRecovery.recover(journal, () -> engine);

    assertThat(report.unpaused()).containsExactly("pg");
    assertThat(report.notPaused()).containsExactly("redis", "gone");
    assertThat(report.left()).singleElement().asString().startsWith("minio: cannot reach the engine");
    assertThat(engine.paused).isEmpty();
    assertThat(journal.containers()).containsExactly("minio");
    assertThat(report.describe()).contains("unpaused pg (left paused by a snapshot that did not finish)")
        .contains("still paused or unknown");
  }

  @Test
  void recover_emptyJournal_doesNotAskForTheEngine() throws Exception {
    PauseRecovery.Report report = PauseRecovery.recover(PauseJournal.at(dir.resolve("paused")), () -> {
      throw new AssertionError("asked for the engine");
    });

    assertThat(report.nothingToDo()).isTrue();
  }

  @Test
  void sequence_writesThePauseDownWhileItHoldsAndStrikesItOutAfter() throws Exception {
    PauseJournal journal = PauseJournal.at(dir.resolve("paused"));
    MemoryEngine engine = new MemoryEngine();
    engine.existing.add("pg");
    HookPlan plan = new HookPlan("postgresql", List.of(new HookStep.Pause("pg", Duration.ofSeconds(5), OnError.FAIL)),
        List.of());
    try (HookExecutor executor = new HookExecutor(engine)) {
      HookSequence.Result<List<String>> result = new HookSequence(executor, journal).around(List.of(plan),
          journal::containers);

      assertThat(result.value()).as("written down while paused").containsExactly("pg");
      assertThat(journal.containers()).as("struck out after the cleanup's unpause").isEmpty();
      assertThat(engine.paused).isEmpty();
    }
  }

  @Test
  void sequence_unpauseThatFails_leavesThePauseWrittenDown() throws Exception {
    PauseJournal journal = PauseJournal.at(dir.resolve("paused"));
    MemoryEngine engine = new MemoryEngine();
    engine.existing.add("pg");
    HookPlan plan = new HookPlan("postgresql", List.of(new HookStep.Pause("pg", Duration.ofSeconds(5), OnError.FAIL)),
        List.of(new HookStep.Unpause("pg", Duration.ofSeconds(5), OnError.FAIL)));
    try (HookExecutor executor = new HookExecutor(engine)) {
      new HookSequence(executor, journal).around(List.of(plan), () -> {
        engine.unreachable.add("pg"); // the engine goes away during the snapshot
        return null;
      });
    }

    assertThat(journal.containers()).containsExactly("pg");
    engine.unreachable.clear();
    assertThat(PauseRecovery.recover(journal, () -> engine).unpaused()).containsExactly("pg");
    assertThat(journal.containers()).isEmpty();
  }
}

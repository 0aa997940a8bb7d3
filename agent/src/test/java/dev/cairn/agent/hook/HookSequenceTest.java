package dev.cairn.agent.hook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.hook.HookOutcome.Phase;
import dev.cairn.agent.hook.HookOutcome.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sequence with real processes: each step appends a word to a log file. */
class HookSequenceTest {

  @TempDir Path tmp;

  private final HookExecutor executor = new HookExecutor(null, 1024);
  private final HookSequence sequence = new HookSequence(executor);

  @AfterEach
  void close() {
    executor.close();
  }

  private HookStep log(String word) {
    return log(word, OnError.FAIL);
  }

  private HookStep log(String word, OnError onError) {
    return new HookStep.Command(List.of("sh", "-c", "echo " + word + " >> \"$LOG\""), Map.of("LOG", logFile().toString()),
        Duration.ofSeconds(10), onError);
  }

  private static HookStep fail(OnError onError) {
    return new HookStep.Command(List.of("sh", "-c", "echo broken >&2; exit 3"), Map.of(), Duration.ofSeconds(10), onError);
  }

  private Path logFile() {
    return tmp.resolve("log");
  }

  private List<String> logged() throws IOException {
    return Files.exists(logFile()) ? Files.readAllLines(logFile()) : List.of();
  }

  private String body() throws IOException {
    Files.writeString(logFile(), "body\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    return "snap";
  }

  @Test
  void around_twoServices_runsPreThenBodyThenPostLastServiceFirst() throws Exception {
    List<HookPlan> plans = List.of(new HookPlan("a", List.of(log("a-pre1"), log("a-pre2")), List.of(log("a-post"))),
        new HookPlan("b", List.of(log("b-pre")), List.of(log("b-post1"), log("b-post2"))));

    HookSequence.Result<String> result = sequence.around(plans, this::body);

    assertThat(logged()).containsExactly("a-pre1", "a-pre2", "b-pre", "body", "b-post1", "b-post2", "a-post");
    assertThat(result.value()).isEqualTo("snap");
    assertThat(result.ran()).isTrue();
    assertThat(result.report().failed()).isFalse();
    assertThat(result.report().outcomes()).extracting(HookOutcome::status).containsOnly(Status.OK);
  }

  @Test
  void around_stepThatThrowsUnchecked_isThatStepsFailureAndThePostStepsStillRun() throws Exception {
    HookStep badEnv = new HookStep.Command(List.of("true"), Map.of("X", "nul\0inside"), Duration.ofSeconds(5),
        OnError.FAIL); // the JDK refuses a NUL in an environment value with IllegalArgumentException
    List<HookPlan> plans = List.of(new HookPlan("a", List.of(log("a-pre")), List.of(log("a-post"))),
        new HookPlan("b", List.of(badEnv), List.of(log("b-post"))));

    HookSequence.Result<String> result = sequence.around(plans, this::body);

    assertThat(logged()).containsExactly("a-pre", "b-post", "a-post");
    assertThat(result.ran()).isFalse();
    assertThat(result.report().outcomes()).filteredOn(o -> o.step() == badEnv).singleElement()
        .satisfies(o -> assertThat(o.status()).isEqualTo(Status.FAILED))
        .satisfies(o -> assertThat(o.message()).contains("IllegalArgumentException"));
  }

  /** A stand-in for an engine whose pause call answers after the hook's timeout (a busy engine, which cannot be arranged). */
  private static final class LatePausingEngine implements ContainerRuntime {
    private volatile boolean paused;

    @Override
    public ProcessEnd exec(String container, List<String> argv, Map<String, String> env, Duration timeout,
        java.io.OutputStream output) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void pause(String container) {
      long until = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
      while (System.nanoTime() < until) { // the engine has the request: an interrupt here changes nothing
        try {
          Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException ignored) {
          // as a request already sent
        }
      }
      paused = true;
    }

    @Override
    public boolean unpause(String container) {
      boolean was = paused;
      paused = false;
      return was;
    }

    @Override
    public boolean paused(String container) {
      return paused;
    }
  }

  @Test
  void around_pauseThatTimesOutButLandsLate_isUnpausedAfterwards() throws Exception {
    LatePausingEngine engine = new LatePausingEngine();
    try (HookExecutor withEngine = new HookExecutor(engine, 1024)) {
      List<HookPlan> plans = List.of(new HookPlan("pg",
          List.of(new HookStep.Pause("pg", Duration.ofMillis(300), OnError.FAIL)),
          List.of(new HookStep.Unpause("pg", Duration.ofSeconds(5), OnError.FAIL))));

      HookSequence.Result<String> result = new HookSequence(withEngine).around(plans, this::body);

      assertThat(result.ran()).isFalse();
      assertThat(result.report().outcomes().get(0).status()).isEqualTo(Status.TIMED_OUT);
      Thread.sleep(2_000); // long enough for a pause still under way to land
      assertThat(engine.paused("pg")).as("left frozen").isFalse();
    }
  }

  @Test
  void around_failingPreStep_skipsBodyAndLaterServicesButRunsEnteredPosts() throws Exception {
    List<HookPlan> plans = List.of(new HookPlan("a", List.of(log("a-pre")), List.of(log("a-post"))),
        new HookPlan("b", List.of(fail(OnError.FAIL), log("b-pre2")), List.of(log("b-post"))),
        new HookPlan("c", List.of(log("c-pre")), List.of(log("c-post"))));

    HookSequence.Result<String> result = sequence.around(plans, this::body);

    assertThat(logged()).containsExactly("a-pre", "b-post", "a-post");
    assertThat(result.ran()).isFalse();
    assertThat(result.report().failed()).isTrue();
    HookOutcome failed = result.report().phase(Phase.PRE).get(1);
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.output()).isEqualTo("broken\n");
    assertThat(failed.summary()).contains("b pre[0]").contains("FAILED").contains("exited with status 3");
  }

  @Test
  void around_failingPreStepWithContinue_takesTheSnapshot() throws Exception {
    List<HookPlan> plans = List.of(new HookPlan("a", List.of(fail(OnError.CONTINUE), log("a-pre")), List.of(log("a-post"))));

    HookSequence.Result<String> result = sequence.around(plans, this::body);

    assertThat(logged()).containsExactly("a-pre", "body", "a-post");
    assertThat(result.ran()).isTrue();
    assertThat(result.report().failed()).isFalse();
    assertThat(result.report().outcomes().get(0).ok()).isFalse();
  }

  @Test
  void around_bodyThrows_postStepsStillRunAndTheFailureIsReturned() throws Exception {
    List<HookPlan> plans = List.of(new HookPlan("a", List.of(log("a-pre")), List.of(log("a-post1"), log("a-post2"))));

    HookSequence.Result<String> result = sequence.around(plans, () -> {
      throw new IOException("disk full");
    });

    assertThat(logged()).containsExactly("a-pre", "a-post1", "a-post2");
    assertThat(result.ran()).isTrue();
    assertThat(result.failure()).hasMessage("disk full");
    assertThat(result.value()).isNull();
  }

  @Test
  void around_failingPostStep_runsTheRemainingPostStepsAndFailsTheReport() throws Exception {
    List<HookPlan> plans = List.of(new HookPlan("a", List.of(), List.of(fail(OnError.FAIL), log("a-post2"))));

    HookSequence.Result<String> result = sequence.around(plans, this::body);

    assertThat(logged()).containsExactly("body", "a-post2");
    assertThat(result.report().failed()).isTrue();
  }

  @Test
  void run_commandPastItsTimeout_isKilledWithItsChildrenAndReportedTimedOut() throws Exception {
    Path marker = tmp.resolve("survived");
    HookStep slow = new HookStep.Command(List.of("sh", "-c", "(sleep 3; touch " + marker + ") & sleep 30"), Map.of(),
        Duration.ofSeconds(1), OnError.FAIL);
    long start = System.nanoTime();

    HookOutcome outcome = executor.run("a", Phase.PRE, 0, slow);

    assertThat(outcome.status()).isEqualTo(Status.TIMED_OUT);
    assertThat(outcome.message()).contains("timeout of 1 s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    Thread.sleep(3_500);
    assertThat(marker).as("the backgrounded child was killed too").doesNotExist();
  }

  @Test
  void run_chattyCommand_keepsOnlyTheEndOfItsOutput() throws Exception {
    HookStep chatty = new HookStep.Command(List.of("sh", "-c", "seq 1 20000; echo the-end"), Map.of(),
        Duration.ofSeconds(10), OnError.FAIL);

    HookOutcome outcome = executor.run("a", Phase.PRE, 0, chatty);

    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.output()).hasSizeLessThanOrEqualTo(1024).endsWith("20000\nthe-end\n");
    assertThat(outcome.droppedBytes()).isGreaterThan(100_000);
  }

  @Test
  void run_missingProgram_failsSayingSo() throws Exception {
    HookStep missing = new HookStep.Command(List.of("/nonexistent/pg_ctl", "stop"), Map.of(), Duration.ofSeconds(5),
        OnError.FAIL);

    HookOutcome outcome = executor.run("a", Phase.PRE, 0, missing);

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.message()).contains("cannot start /nonexistent/pg_ctl").contains("PATH");
  }

  @Test
  void run_containerStepWithoutEngine_failsSayingSo() throws Exception {
    HookOutcome outcome = executor.run("a", Phase.PRE, 0,
        new HookStep.Pause("pg", Duration.ofSeconds(5), OnError.FAIL));

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.message()).contains("no container engine is configured");
  }

  @Test
  void step_nonPositiveTimeout_isRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HookStep.Pause("c", Duration.ZERO, OnError.FAIL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout must be positive");
  }
}

package dev.cairn.agent.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolRunTest {

  @Test
  void run_toolExits_returnsStatusAndOutput() throws Exception {
    ToolRun.Result result = ToolRun.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), Duration.ofSeconds(10), true);

    assertThat(result.exitStatus()).isEqualTo(3);
    assertThat(result.output()).contains("out").contains("err");
  }

  @Test
  void run_errorsNotMerged_outputHasStdoutOnly() throws Exception {
    ToolRun.Result result = ToolRun.run(List.of("sh", "-c", "echo out; echo err >&2"), Duration.ofSeconds(10), false);

    assertThat(result.output()).isEqualTo("out\n");
  }

  @Test
  void run_toolHangs_killedAtTheDeadline() {
    long started = System.nanoTime();

    assertThatThrownBy(() -> ToolRun.run(List.of("sleep", "30"), Duration.ofMillis(500), true))
        .isInstanceOf(ToolTimeoutException.class)
        .hasMessageContaining("did not finish within");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void run_grandchildKeepsThePipeOpen_returnsWhenTheToolExits() throws Exception {
    long started = System.nanoTime();

    ToolRun.Result result = ToolRun.run(List.of("sh", "-c", "sleep 20 & echo started"), Duration.ofSeconds(10), true);

    assertThat(result.exitStatus()).isZero();
    assertThat(result.output()).contains("started");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }
}

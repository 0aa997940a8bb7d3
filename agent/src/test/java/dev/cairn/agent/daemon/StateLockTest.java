package dev.cairn.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateLockTest {

  @TempDir Path dir;

  @Test
  void acquire_whileHeld_isRefusedWithWhatToDo_andWorksAgainAfterRelease() throws Exception {
    StateLock first = StateLock.acquire(dir);
    assertThatThrownBy(() -> StateLock.acquire(dir))
        .isInstanceOf(AgentStartException.class)
        .hasMessageContaining("another agent is running");
    first.close();
    try (StateLock again = StateLock.acquire(dir)) {
      assertThat(dir.resolve("agent.lock")).exists();
    }
  }
}

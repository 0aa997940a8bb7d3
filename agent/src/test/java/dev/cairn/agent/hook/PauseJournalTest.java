package dev.cairn.agent.hook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PauseJournalTest {

  @TempDir Path dir;

  @Test
  void pausingAndUnpaused_keepTheFileInStepAndSurviveAReopen() throws Exception {
    Path file = dir.resolve("state/hooks/paused");
    PauseJournal journal = PauseJournal.at(file);
    assertThat(journal.containers()).isEmpty();

    journal.pausing("pg");
    journal.pausing("redis");
    journal.pausing("pg");

    assertThat(Files.readString(file)).isEqualTo("pg\nredis\n");
    assertThat(PauseJournal.at(file).containers()).containsExactly("pg", "redis");
    journal.unpaused("pg");
    journal.unpaused("not-there");
    assertThat(PauseJournal.at(file).containers()).containsExactly("redis");
    assertThat(dir.resolve("state/hooks")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void none_writesNothingAndNamesNothing() throws Exception {
    PauseJournal.none().pausing("pg");

    assertThat(PauseJournal.none().containers()).isEmpty();
    assertThat(PauseJournal.none().file()).isEmpty();
  }
}

package dev.cairn.agent.image.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.image.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

  @TempDir Path dir;

  private static ImageVersion version(String tag) {
    return new ImageVersion(tag, Digest.of("m" + tag), Digest.of("c" + tag), 10, 2, 1,
        Instant.parse("2026-01-01T00:00:00Z"), "bundle:b-17", null);
  }

  @Test
  void save_thenGet_roundTripsVersionsCurrentAndEvents() throws IOException {
    HistoryStore store = new HistoryStore(dir);
    RepositoryHistory history = RepositoryHistory.empty("registry.local:5000/team/app")
        .withVersion(version("1")).withVersion(version("2")).withCurrent("2", "latest")
        .withEvent(new HistoryEvent(Instant.parse("2026-01-02T00:00:00Z"), "LOADED", "2", Digest.of("c2"), "cli:x", "d"));

    store.save(history);

    RepositoryHistory read = store.get("registry.local:5000/team/app");
    assertThat(read).isEqualTo(history);
    assertThat(read.previous()).map(ImageVersion::tag).contains("1");
    assertThat(store.all()).containsExactly(history);
    try (Stream<Path> files = Files.list(dir.resolve("history"))) {
      assertThat(files).extracting(p -> p.getFileName().toString())
          .containsExactly("registry.local%3A5000%2Fteam%2Fapp.json");
    }
  }

  @Test
  void get_unknownRepository_isEmpty() throws IOException {
    assertThat(new HistoryStore(dir).get("nothing").versions()).isEmpty();
  }

  @Test
  void get_damagedFile_failsNamingTheFileAndWhatToDo() throws IOException {
    HistoryStore store = new HistoryStore(dir);
    store.save(RepositoryHistory.empty("app").withVersion(version("1")));
    Files.writeString(dir.resolve("history/app.json"), "{\"versions\": [");

    assertThatThrownBy(() -> store.get("app")).isInstanceOf(IOException.class)
        .hasMessageContaining("app.json").hasMessageContaining("restore it from a backup");
  }

  @Test
  void withVersion_sameTagAgain_replacesAndMovesToEnd() {
    RepositoryHistory history = RepositoryHistory.empty("app").withVersion(version("1")).withVersion(version("2"))
        .withVersion(version("1"));

    assertThat(history.versions()).extracting(ImageVersion::tag).containsExactly("2", "1");
  }

  @Test
  void withEvent_pastCap_dropsOldest() {
    RepositoryHistory history = RepositoryHistory.empty("app");
    for (int i = 0; i < RepositoryHistory.MAX_EVENTS + 5; i++) {
      history = history.withEvent(new HistoryEvent(Instant.EPOCH, "LOADED", "t" + i, null, "cli:x", null));
    }

    assertThat(history.events()).hasSize(RepositoryHistory.MAX_EVENTS);
    assertThat(history.events().get(0).tag()).isEqualTo("t5");
  }
}

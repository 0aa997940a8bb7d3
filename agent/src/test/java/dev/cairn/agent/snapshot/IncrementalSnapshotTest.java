package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.repository.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalSnapshotTest {

  @TempDir Path tmp;

  private SnapshotResult snapshot(Repository repo, String volume, Path source) throws Exception {
    return new SnapshotPipeline(repo, SnapshotOptions.of(volume, List.of(), "host"), SnapshotProgress.NONE).run(source);
  }

  @Test
  void snapshot_unchangedTree_readsNothingAndStoresOnlyTheRecord() throws Exception {
    Path source = new RandomTree(21, tmp.resolve("src")).build(20, 2);
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    SnapshotResult first = snapshot(repo, "v", source);

    SnapshotResult second = snapshot(repo, "v", source);

    assertThat(second.record().parent()).isEqualTo(first.id());
    assertThat(second.summary().bytesRead()).isZero();
    assertThat(second.summary().filesNew() + second.summary().filesChanged()).isZero();
    assertThat(second.summary().bytesStored()).isZero();
    assertThat(second.record().tree()).isEqualTo(first.record().tree());
  }

  @Test
  void snapshot_oneFileChanged_readsOnlyThatFile() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src"));
    Random random = new Random(5);
    for (int i = 0; i < 30; i++) {
      byte[] data = new byte[20_000];
      random.nextBytes(data);
      Files.write(source.resolve("f" + i), data);
    }
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    snapshot(repo, "v", source);
    Files.writeString(source.resolve("f7"), "changed");

    SnapshotResult second = snapshot(repo, "v", source);

    assertThat(second.summary().filesChanged()).isEqualTo(1);
    assertThat(second.summary().filesUnchanged()).isEqualTo(29);
    assertThat(second.summary().bytesRead()).isEqualTo("changed".length());
  }

  @Test
  void snapshot_sameDataInOtherVolume_deduplicatesAcrossVolumes() throws Exception {
    Path source = new RandomTree(22, tmp.resolve("src")).build(10, 1);
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    SnapshotResult first = snapshot(repo, "one", source);

    SnapshotResult other = snapshot(repo, "two", source);

    assertThat(other.record().parent()).isNull();
    assertThat(other.summary().bytesRead()).isEqualTo(first.summary().bytesRead());
    assertThat(other.summary().bytesNew()).isZero();
  }
}

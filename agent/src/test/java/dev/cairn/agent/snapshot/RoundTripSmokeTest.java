package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.repository.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripSmokeTest {

  @TempDir Path tmp;

  @Test
  void snapshotThenRestore_smallTree_restoresSameBytes() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src/a/b"));
    Random random = new Random(1);
    byte[] big = new byte[3 << 20];
    random.nextBytes(big);
    Files.write(tmp.resolve("src/big.bin"), big);
    Files.writeString(tmp.resolve("src/a/hello.txt"), "hello\n".repeat(1000));
    Files.write(tmp.resolve("src/a/b/empty"), new byte[0]);
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    SnapshotResult result = new SnapshotPipeline(repo, SnapshotOptions.of("vol", List.of(), "h"), SnapshotProgress.NONE)
        .run(tmp.resolve("src"));
    RestoreResult restored = new RestorePipeline(TestRepositories.open(tmp.resolve("repo")), RestoreOptions.all(),
        RestoreProgress.NONE).run(result.record(), tmp.resolve("out"));
    assertThat(restored.ok()).isTrue();
    assertThat(Files.readAllBytes(tmp.resolve("out/big.bin"))).isEqualTo(big);
    assertThat(Files.readString(tmp.resolve("out/a/hello.txt"))).isEqualTo("hello\n".repeat(1000));
    assertThat(Files.size(tmp.resolve("out/a/b/empty"))).isZero();
    assertThat(source).exists();
  }
}

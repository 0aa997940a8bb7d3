package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.repository.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository on a real, tiny tmpfs: a snapshot that does not fit fails cleanly. */
class DiskFullIT {

  @TempDir Path tmp;
  private Path mount;

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out
          + " — this test mounts a tmpfs and must run as root (bin/test runs it so)");
    }
  }

  @BeforeEach
  void mountSmallFilesystem() throws Exception {
    mount = Files.createDirectories(tmp.resolve("small-disk"));
    run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString());
  }

  @AfterEach
  void unmount() throws Exception {
    for (int attempt = 0; ; attempt++) {
      try {
        run("umount", mount.toString());
        return;
      } catch (IOException busy) {
        if (attempt == 20) {
          throw busy;
        }
        Thread.sleep(250); // a file of the failed snapshot may still be closing
      }
    }
  }

  @Test
  void snapshot_diskFull_failsAndLeavesEarlierSnapshotsIntactAndNoHalfSnapshot() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src"));
    Random random = new Random(1);
    byte[] first = new byte[2 << 20];
    random.nextBytes(first);
    Files.write(source.resolve("first"), first);
    Repository repo = TestRepositories.create(mount.resolve("repo"), 4 << 20);
    SnapshotOptions options = SnapshotOptions.of("v", List.of(), "h");
    SnapshotResult ok = new SnapshotPipeline(repo, options, SnapshotProgress.NONE).run(source);
    for (int i = 0; i < 8; i++) {
      byte[] data = new byte[5 << 20];
      random.nextBytes(data);
      Files.write(source.resolve("big" + i), data);
    }

    assertThatThrownBy(() -> new SnapshotPipeline(repo, options, SnapshotProgress.NONE).run(source))
        .isInstanceOf(IOException.class)
        .hasStackTraceContaining("No space left on device");

    Repository reopened = TestRepositories.open(mount.resolve("repo"));
    assertThat(reopened.snapshots()).extracting(r -> r.id()).containsExactly(ok.id());
    VerifyReport report = new Verifier(reopened, 1, 2).run();
    assertThat(report.healthy()).as("errors %s", report.errors()).isTrue();
    RestoreResult restored = new RestorePipeline(reopened, RestoreOptions.all(), RestoreProgress.NONE)
        .run(ok.record(), tmp.resolve("out"));
    assertThat(restored.ok()).isTrue();
    assertThat(Files.readAllBytes(tmp.resolve("out/first"))).isEqualTo(first);
    new Pruner(reopened).run();
    try (var staging = Files.list(mount.resolve("repo/tmp"))) {
      assertThat(staging.toList()).as("prune removed the leftovers").isEmpty();
    }
  }
}

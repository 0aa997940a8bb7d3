package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.SnapshotRecord;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unreadable files for real: the snapshot runs in a child JVM without the capabilities that let
 * root ignore permissions (capsh, package libcap2-bin), so mode-000 files cannot be opened.
 */
class UnreadableFileIT {

  @TempDir Path tmp;

  @Test
  void snapshot_unreadableFileAndDirectory_completesPartialAndNamesThem() throws Exception {
    assertThat(Files.isExecutable(Path.of("/usr/sbin/capsh")) || Files.isExecutable(Path.of("/sbin/capsh")))
        .as("capsh is missing: apt-get install -y libcap2-bin (bin/test installs it)").isTrue();
    Path source = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(source.resolve("readable.txt"), "fine");
    Files.write(source.resolve("big-readable"), new byte[3 << 20]);
    Files.writeString(source.resolve("secret"), "no");
    Files.setAttribute(source.resolve("secret"), "unix:mode", 0000, LinkOption.NOFOLLOW_LINKS);
    Path closed = Files.createDirectories(source.resolve("closed"));
    Files.writeString(closed.resolve("inside"), "x");
    Files.setAttribute(closed, "unix:mode", 0000, LinkOption.NOFOLLOW_LINKS);
    Path many = Files.createDirectories(source.resolve("many")); // small files go in batches of 64
    for (int i = 0; i < 150; i++) {
      Files.writeString(many.resolve(String.format("f%03d", i)), "file " + i);
    }
    Files.setAttribute(many.resolve("f070"), "unix:mode", 0000, LinkOption.NOFOLLOW_LINKS);
    TestRepositories.create(tmp.resolve("repo"));

    Process run = SnapshotChild.start(
        List.of("capsh", "--drop=cap_dac_override,cap_dac_read_search", "--", "-c", "exec \"$@\"", "child"),
        "snapshot", tmp.resolve("repo").toString(), source.toString());
    String output = new String(run.getInputStream().readAllBytes());
    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(run.exitValue()).as(output).isEqualTo(3);
    Repository repo = TestRepositories.open(tmp.resolve("repo"));
    SnapshotRecord record = repo.snapshots().get(0);
    assertThat(record.partial()).isTrue();
    assertThat(record.errors()).extracting(e -> e.path()).containsExactlyInAnyOrder("secret", "closed", "many/f070");
    assertThat(record.errors()).allSatisfy(e -> assertThat(e.message()).isEqualTo("permission denied"));
    RestoreResult restored = new RestorePipeline(repo, RestoreOptions.all(), RestoreProgress.NONE)
        .run(record, tmp.resolve("out"));
    assertThat(restored.ok()).isTrue();
    assertThat(Files.readString(tmp.resolve("out/readable.txt"))).isEqualTo("fine");
    assertThat(tmp.resolve("out/secret")).doesNotExist();
    try (var restoredMany = Files.list(tmp.resolve("out/many"))) {
      assertThat(restoredMany.count()).isEqualTo(149); // the batch with the unreadable file stored the rest
    }
    assertThat(Files.readString(tmp.resolve("out/many/f069"))).isEqualTo("file 69");
    assertThat(Files.readString(tmp.resolve("out/many/f149"))).isEqualTo("file 149");
  }
}

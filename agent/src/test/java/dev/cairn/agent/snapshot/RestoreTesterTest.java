package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.repository.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreTesterTest {

  @TempDir Path tmp;

  @Test
  void run_goodSnapshot_passesAndCountsWhatItChecked() throws Exception {
    Path source = new RandomTree(41, tmp.resolve("src")).build(10, 2);
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    SnapshotResult snapshot = TestRepositories.snapshot(repo, source);

    RestoreTestReport report = new RestoreTester(repo, tmp.resolve("scratch")).run(snapshot.record());

    assertThat(report.failures()).isEmpty();
    assertThat(report.passed()).isTrue();
    assertThat(report.files()).isPositive();
  }

  @Test
  void check_restoredTreeDiffersInMetadata_namesEachDifference() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src"));
    Files.createDirectories(source.resolve("dir"));
    Files.writeString(source.resolve("dir/a"), "same bytes");
    Files.writeString(source.resolve("b"), "linked");
    Files.createLink(source.resolve("c"), source.resolve("b"));
    Files.writeString(source.resolve("d"), "mode");
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    SnapshotResult snapshot = TestRepositories.snapshot(repo, source);
    Path restored = tmp.resolve("restored");
    new RestorePipeline(repo, RestoreOptions.all(), RestoreProgress.NONE).run(snapshot.record(), restored);
    RestoreTester tester = new RestoreTester(repo, tmp.resolve("scratch"));
    List<String> clean = new ArrayList<>();
    tester.check(snapshot.record(), restored, clean);
    assertThat(clean).isEmpty();

    // what a faulty restore could leave: same bytes, wrong metadata
    Files.setLastModifiedTime(restored.resolve("dir/a"), FileTime.fromMillis(0));
    Files.delete(restored.resolve("c"));
    Files.writeString(restored.resolve("c"), "linked"); // a file of its own, no longer a link of b
    Files.setPosixFilePermissions(restored.resolve("d"), PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setLastModifiedTime(restored.resolve("c"), Files.getLastModifiedTime(source.resolve("c")));
    List<String> failures = new ArrayList<>();
    tester.check(snapshot.record(), restored, failures);

    assertThat(failures).anyMatch(f -> f.startsWith("dir/a: modified at"))
        .anyMatch(f -> f.startsWith("c: a hard link in the snapshot"))
        .anyMatch(f -> f.startsWith("d: mode 777"));
  }
}

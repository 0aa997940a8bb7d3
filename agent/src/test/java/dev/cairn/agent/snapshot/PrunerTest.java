package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.backend.FileInfo;
import dev.cairn.agent.backend.FileType;
import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryLock;
import dev.cairn.agent.repository.RepositoryLockLostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrunerTest {

  @TempDir Path tmp;

  private static long size(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  @Test
  void prune_forgottenSnapshot_freesItsDataAndKeepsTheOther() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src"));
    Random random = new Random(3);
    byte[] keep = new byte[2 << 20];
    random.nextBytes(keep);
    Files.write(source.resolve("keep"), keep);
    Repository repo = TestRepositories.create(tmp.resolve("repo"), 1 << 20);
    SnapshotOptions options = SnapshotOptions.of("v", List.of(), "h");
    SnapshotResult old = new SnapshotPipeline(repo, options, SnapshotProgress.NONE).run(source);
    byte[] gone = new byte[3 << 20];
    random.nextBytes(gone);
    Files.write(source.resolve("gone"), gone);
    SnapshotResult withGone = new SnapshotPipeline(repo, options, SnapshotProgress.NONE).run(source);
    Files.delete(source.resolve("gone"));
    SnapshotResult latest = new SnapshotPipeline(repo, options, SnapshotProgress.NONE).run(source);
    repo.removeSnapshot(withGone.id());
    long before = size(tmp.resolve("repo/data"));

    PruneReport report = new Pruner(repo).run();

    assertThat(report.bytesFreed()).isGreaterThan(3L << 20);
    assertThat(size(tmp.resolve("repo/data"))).isLessThan(before - (3L << 20));
    assertThat(new Verifier(repo, 1, 2).run().healthy()).isTrue();
    RestoreTestReport check = new RestoreTester(repo, tmp.resolve("scratch")).run(latest.record());
    assertThat(check.passed()).as("failures %s", check.failures()).isTrue();
    assertThat(check.bytes()).isEqualTo(keep.length);
    assertThat(repo.snapshots()).extracting(r -> r.id()).containsExactly(old.id(), latest.id());
  }

  @Test
  void prune_itsLockRemovedByAnotherProcess_deletesNothing() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src"));
    byte[] gone = new byte[3 << 20];
    new Random(5).nextBytes(gone);
    Files.write(source.resolve("gone"), gone);
    Repository repo = TestRepositories.create(tmp.resolve("repo"), 1 << 20);
    SnapshotResult withGone = TestRepositories.snapshot(repo, source);
    Files.delete(source.resolve("gone"));
    TestRepositories.snapshot(repo, source);
    repo.removeSnapshot(withGone.id()); // its 3 MiB are now garbage for a prune
    long before = size(tmp.resolve("repo/data"));

    try (RepositoryLock lock = repo.lockExclusive("prune")) {
      removeAllLocks(repo); // a snapshot elsewhere took this prune's lock for stale and went on
      assertThatThrownBy(() -> new Pruner(repo).pruneLocked(lock)).isInstanceOf(RepositoryLockLostException.class)
          .hasMessageContaining("prune");
    }

    assertThat(size(tmp.resolve("repo/data"))).as("no pack deleted").isEqualTo(before);
    assertThat(new Pruner(repo).run().bytesFreed()).as("what it would have deleted").isGreaterThan(3L << 20);
  }

  @Test
  void snapshot_itsLockRemovedWhileItRuns_failsAndSavesNoRecord() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src"));
    for (int i = 0; i < 20; i++) {
      Files.writeString(source.resolve("f" + i), "file " + i);
    }
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    SnapshotProgress removeLocks = new SnapshotProgress() {
      @Override
      public void file(long files, long bytesRead, String path) {
        if (files == 1) {
          try {
            removeAllLocks(repo); // a prune elsewhere took this snapshot's lock for stale
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }
      }
    };

    assertThatThrownBy(() -> new SnapshotPipeline(repo, SnapshotOptions.of("v", List.of(), "h"), removeLocks)
        .run(source)).isInstanceOf(RepositoryLockLostException.class).hasMessageContaining("snapshot v");

    assertThat(repo.snapshots()).isEmpty();
  }

  @Test
  void prune_fileWithTheBytesOfADirectoryTree_stillKeepsWhatThatDirectoryHolds() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src"));
    Files.createDirectories(source.resolve("b"));
    byte[] data = new byte[200_000];
    new Random(6).nextBytes(data);
    Files.write(source.resolve("b/c.bin"), data);
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    SnapshotResult first = TestRepositories.snapshot(repo, source);
    BlobStore store = new BlobStore(repo, repo.loadIndex());
    BlobId treeOfB = store.readTree(first.record().tree()).nodes().stream()
        .filter(n -> n.name().equals("b")).findFirst().orElseThrow().subtree();
    // a file with the tree's exact bytes has the tree's id; it sorts before "b", so the walk meets it first
    Files.write(source.resolve("a.json"), store.read(treeOfB));
    SnapshotResult second = TestRepositories.snapshot(repo, source);
    repo.removeSnapshot(first.id());

    new Pruner(repo).run();

    assertThat(new Verifier(repo, 1, 2).run().healthy()).isTrue();
    RestoreTestReport check = new RestoreTester(repo, tmp.resolve("scratch")).run(second.record());
    assertThat(check.passed()).as("failures %s", check.failures()).isTrue();
  }

  private static void removeAllLocks(Repository repo) throws Exception {
    for (FileInfo lock : repo.backend().list(FileType.LOCK)) {
      repo.backend().remove(lock.handle());
    }
  }

  @Test
  void prune_partlyUsedPack_repacksOnlyUsedBlobs() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src"));
    Random random = new Random(4);
    for (int i = 0; i < 40; i++) {
      byte[] data = new byte[30_000];
      random.nextBytes(data);
      Files.write(source.resolve("f" + i), data);
    }
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    SnapshotOptions options = SnapshotOptions.of("v", List.of(), "h");
    SnapshotResult first = new SnapshotPipeline(repo, options, SnapshotProgress.NONE).run(source);
    for (int i = 0; i < 30; i++) {
      Files.delete(source.resolve("f" + i));
    }
    SnapshotResult second = new SnapshotPipeline(repo, options, SnapshotProgress.NONE).run(source);
    repo.removeSnapshot(first.id());

    PruneReport report = new Pruner(repo).run();

    assertThat(report.packsRepacked()).isPositive();
    assertThat(report.blobsDropped()).isGreaterThanOrEqualTo(30);
    assertThat(new Verifier(repo, 1, 2).run().healthy()).isTrue();
    assertThat(new RestoreTester(repo, tmp.resolve("scratch")).run(second.record()).passed()).isTrue();
  }

  @Test
  void prune_nothingToDo_changesNothing() throws Exception {
    Path source = new RandomTree(8, tmp.resolve("src")).build(8, 1);
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    new SnapshotPipeline(repo, SnapshotOptions.of("v", List.of(), "h"), SnapshotProgress.NONE).run(source);
    long before = size(tmp.resolve("repo"));

    PruneReport report = new Pruner(repo).run();

    assertThat(report.packsDeleted() + report.packsRepacked()).isZero();
    assertThat(size(tmp.resolve("repo"))).isEqualTo(before);
  }
}

package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopierTest {

  @TempDir Path tmp;

  @Test
  void copy_toOtherRepository_restoresIdenticallyAndSecondCopyIsNoOp() throws Exception {
    Path source = new RandomTree(31, tmp.resolve("src")).build(12, 2);
    Repository from = TestRepositories.create(tmp.resolve("a"));
    Repository to = TestRepositories.create(tmp.resolve("b"));
    SnapshotResult snapshot = TestRepositories.snapshot(from, source);

    CopyReport first = new Copier(from, to, 2).copy(from.snapshots());
    CopyReport again = new Copier(from, to, 2).copy(from.snapshots());

    assertThat(first.copied()).containsExactly(snapshot.id());
    assertThat(again.copied()).isEmpty();
    assertThat(again.skipped()).containsExactly(snapshot.id());
    assertThat(to.snapshots().get(0).copiedFrom()).isEqualTo(from.config().id());
    new RestorePipeline(to, RestoreOptions.all(), RestoreProgress.NONE).run(to.snapshots().get(0), tmp.resolve("out"));
    TreeComparison.assertSameTree(source, tmp.resolve("out"));
    assertThat(new Verifier(to, 1, 2).run().healthy()).isTrue();
  }

  @Test
  void copy_fileWithTheBytesOfADirectoryTree_bothArriveIntact() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src").resolve("b")).getParent();
    byte[] bytes = new byte[100_000];
    new Random(7).nextBytes(bytes);
    Files.write(source.resolve("b/c.bin"), bytes);
    Repository from = TestRepositories.create(tmp.resolve("a"));
    Repository to = TestRepositories.create(tmp.resolve("b"));
    SnapshotResult first = TestRepositories.snapshot(from, source);
    BlobStore store = new BlobStore(from, from.loadIndex());
    BlobId treeOfB = store.readTree(first.record().tree()).nodes().stream()
        .filter(n -> n.name().equals("b")).findFirst().orElseThrow().subtree();
    Files.write(source.resolve("a.json"), store.read(treeOfB)); // same bytes, so the same id as the tree
    TestRepositories.snapshot(from, source);

    new Copier(from, to, 2).copy(from.snapshots()); // the first copy maps the tree, the second meets the file

    new RestorePipeline(to, RestoreOptions.all(), RestoreProgress.NONE).run(to.snapshots().get(1), tmp.resolve("out"));
    TreeComparison.assertSameTree(source, tmp.resolve("out"));
    assertThat(new Verifier(to, 1, 2).run().healthy()).isTrue();
  }
}

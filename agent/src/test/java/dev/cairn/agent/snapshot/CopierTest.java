package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.repository.Repository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopierTest {

  @TempDir Path tmp;

  @Test
  void copy_toOtherRepository_restoresIdenticallyAndSecondCopyIsNoOp() throws Exception {
    Path source = new RandomTree(31, tmp.resolve("src")).build(12, 2);
    Repository from = TestRepositories.create(tmp.resolve("a"));
    Repository to = TestRepositories.create(tmp.resolve("b"));
    SnapshotResult snapshot = new SnapshotPipeline(from, SnapshotOptions.of("v", List.of(), "h"), SnapshotProgress.NONE)
        .run(source);

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
}

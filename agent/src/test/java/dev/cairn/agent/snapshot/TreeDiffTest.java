package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.repository.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeDiffTest {

  @TempDir Path tmp;

  @Test
  void diff_changes_listsAddedRemovedModified() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src/dir"));
    Files.writeString(source.resolve("same"), "same");
    Files.writeString(source.resolve("edit"), "before");
    Files.writeString(source.resolve("drop"), "x");
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    SnapshotOptions options = SnapshotOptions.of("v", List.of(), "h");
    SnapshotResult a = new SnapshotPipeline(repo, options, SnapshotProgress.NONE).run(tmp.resolve("src"));
    Files.writeString(source.resolve("edit"), "after!");
    Files.delete(source.resolve("drop"));
    Files.writeString(source.resolve("new"), "new");
    SnapshotResult b = new SnapshotPipeline(repo, options, SnapshotProgress.NONE).run(tmp.resolve("src"));

    List<DiffEntry> diff = new TreeDiff(new BlobStore(repo, repo.loadIndex())).diff(a.record().tree(), b.record().tree());

    assertThat(diff).contains(new DiffEntry('M', "dir/edit"), new DiffEntry('-', "dir/drop"), new DiffEntry('+', "dir/new"));
    assertThat(diff).noneMatch(e -> e.path().equals("dir/same"));
  }
}

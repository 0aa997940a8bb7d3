package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cairn.agent.image.testing.Commands;
import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.NodeType;
import dev.cairn.agent.repository.Repository;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FIFOs and character and block device nodes (made with {@code mkfifo} and {@code mknod}, so this
 * runs as root, as {@code bin/test} does) go into a snapshot as nodes without content — the snapshot
 * never opens a FIFO, which would block — and come back from a restore as the same kind of node
 * with the same device numbers, mode and owner.
 */
class SpecialFilesIT {

  private static final String ATTRIBUTES = "unix:mode,rdev,uid,gid";

  @TempDir Path tmp;

  private static Map<String, Object> attributes(Path path) throws Exception {
    return Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
  }

  private static int type(Path path) throws Exception {
    return (Integer) attributes(path).get("mode") & 0170000;
  }

  @Test
  void snapshotAndRestore_fifoAndDeviceNodes_cameBackAsTheSameNodes() throws Exception {
    Commands.require("mknod", "coreutils");
    assertThat(Commands.run(List.of("id", "-u")).trim())
        .as("this test creates device nodes with mknod and must run as root (bin/test runs it so)").isEqualTo("0");
    Path source = Files.createDirectories(tmp.resolve("src/dev"));
    Commands.run(List.of("mkfifo", "-m", "0640", source.resolve("pipe").toString()));
    Commands.run(List.of("chown", "1234:5678", source.resolve("pipe").toString()));
    Commands.run(List.of("mknod", "-m", "0666", source.resolve("null").toString(), "c", "1", "3"));
    Commands.run(List.of("mknod", "-m", "0600", source.resolve("loop200").toString(), "b", "7", "200"));
    Commands.run(List.of("mknod", "-m", "0644", source.resolve("bigminor").toString(), "c", "300", "70000"));
    Files.writeString(tmp.resolve("src/plain.txt"), "beside the nodes\n");
    Repository repo = TestRepositories.create(tmp.resolve("repo"));

    SnapshotResult snapshot = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
        new SnapshotPipeline(repo, SnapshotOptions.of("v", List.of(), "h"), SnapshotProgress.NONE).run(tmp.resolve("src")),
        "a snapshot must not open a FIFO (it would wait for a writer)");
    Path target = tmp.resolve("restored");
    RestoreResult restored = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
        new RestorePipeline(repo, RestoreOptions.all(), RestoreProgress.NONE).run(snapshot.record(), target),
        "a restore must not open a FIFO to set its mode or times (it would wait for a writer)");

    assertThat(restored.errors()).isEmpty();
    assertThat(restored.damaged()).isEmpty();
    BlobStore store = new BlobStore(repo, repo.loadIndex());
    Node dev = store.readTree(snapshot.record().tree()).nodes().stream()
        .filter(n -> n.name().equals("dev")).findFirst().orElseThrow();
    assertThat(store.readTree(dev.subtree()).nodes()).extracting(Node::name, Node::type).containsExactly(
        tuple("bigminor", NodeType.CHARDEV), tuple("loop200", NodeType.BLOCKDEV), tuple("null", NodeType.CHARDEV),
        tuple("pipe", NodeType.FIFO));
    assertThat(type(target.resolve("dev/pipe"))).isEqualTo(0010000);
    assertThat(type(target.resolve("dev/null"))).isEqualTo(0020000);
    assertThat(type(target.resolve("dev/bigminor"))).isEqualTo(0020000);
    assertThat(type(target.resolve("dev/loop200"))).isEqualTo(0060000);
    for (String name : List.of("pipe", "null", "bigminor", "loop200")) {
      assertThat(attributes(target.resolve("dev").resolve(name))).as(name)
          .isEqualTo(attributes(source.resolve(name)));
    }
    assertThat(attributes(target.resolve("dev/pipe"))).containsEntry("uid", 1234).containsEntry("gid", 5678)
        .containsEntry("mode", 0010640);
    assertThat(Files.readString(target.resolve("plain.txt"))).isEqualTo("beside the nodes\n");
  }
}

package dev.cairn.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreTargetTest {

  @TempDir Path tmp;

  @Test
  void child_climbingOrNestedNames_areRefused() throws Exception {
    RestoreTarget target = RestoreTarget.open(tmp.resolve("t"));

    for (String bad : new String[] {"..", ".", "a/../../x", "/etc", ""}) {
      assertThatThrownBy(() -> target.child(target.root(), bad)).isInstanceOf(IOException.class);
    }
    assertThat(target.child(target.root(), "ok")).isEqualTo(target.root().resolve("ok"));
  }

  @Test
  void directory_symlinkInTheWay_isReplacedNotFollowed() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.createSymbolicLink(Files.createDirectories(tmp.resolve("t")).resolve("sub"), outside);
    RestoreTarget target = RestoreTarget.open(tmp.resolve("t")); // an existing target, not empty
    Path sub = target.root().resolve("sub");

    target.directory(sub);
    try (var channel = target.file(target.child(sub, "file"))) {
      channel.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
    }

    assertThat(Files.isSymbolicLink(sub)).isFalse();
    assertThat(sub.resolve("file")).exists();
    try (var files = Files.list(outside)) {
      assertThat(files.toList()).as("nothing written through the symlink").isEmpty();
    }
  }

  @Test
  void file_freshTargetWithSymlinkPlantedMeanwhile_failsRatherThanFollowing() throws Exception {
    Path victim = Files.writeString(tmp.resolve("victim2"), "keep");
    RestoreTarget target = RestoreTarget.open(tmp.resolve("fresh"));
    Path name = target.root().resolve("f");
    Files.createSymbolicLink(name, victim);

    assertThatThrownBy(() -> target.file(name).close()).isInstanceOf(IOException.class);
    assertThat(Files.readString(victim)).isEqualTo("keep");
  }

  @Test
  void file_symlinkInTheWay_isReplacedNotFollowed() throws Exception {
    Path victim = Files.writeString(tmp.resolve("victim"), "keep");
    Files.createSymbolicLink(Files.createDirectories(tmp.resolve("t")).resolve("f"), victim);
    RestoreTarget target = RestoreTarget.open(tmp.resolve("t"));
    Path name = target.root().resolve("f");

    try (var channel = target.file(name)) {
      channel.write(java.nio.ByteBuffer.wrap("new".getBytes()));
    }

    assertThat(Files.readString(victim)).isEqualTo("keep");
    assertThat(Files.readString(name)).isEqualTo("new");
  }

  @Test
  void file_hardLinkToAFileOutsideTheTarget_isReplacedNotWrittenThrough() throws Exception {
    Path victim = Files.writeString(tmp.resolve("victim3"), "keep");
    Path name = Files.createDirectories(tmp.resolve("t")).resolve("f");
    Files.createLink(name, victim); // e.g. a 'cp -al' copy of the volume
    RestoreTarget target = RestoreTarget.open(tmp.resolve("t"));

    try (var channel = target.file(target.root().resolve("f"))) {
      channel.write(java.nio.ByteBuffer.wrap("new".getBytes()));
    }

    assertThat(Files.readString(victim)).isEqualTo("keep");
    assertThat(Files.readString(name)).isEqualTo("new");
    assertThat(Files.getAttribute(name, "unix:nlink")).isEqualTo(1);
  }

  @Test
  void metadata_existingDirectoryOfAnotherOwner_getsTheSnapshotsOwner() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0, "needs root to hand files to others");
    Path mine = Files.createDirectories(tmp.resolve("mine")); // owned by this process, as in the snapshot
    dev.cairn.agent.repository.Node node = NodeReader.read(mine, "d");
    Path existing = Files.createDirectories(tmp.resolve("t").resolve("d"));
    Files.setAttribute(existing, "unix:uid", 999);
    Files.setAttribute(existing, "unix:gid", 999);
    RestoreTarget target = RestoreTarget.open(tmp.resolve("t"));

    target.metadata(target.root().resolve("d"), node);

    assertThat(Files.getAttribute(existing, "unix:uid")).isEqualTo(node.uid());
    assertThat(Files.getAttribute(existing, "unix:gid")).isEqualTo(node.gid());
  }
}

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
}

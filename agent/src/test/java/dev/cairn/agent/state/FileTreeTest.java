package dev.cairn.agent.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {

  @TempDir Path dir;

  @Test
  void delete_nestedTreeWithLinkToOutside_removesTreeAndLinkButNotTheLinkedDirectory() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "kept");
    Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
    Files.writeString(tree.resolve("deep.txt"), "x");
    Files.writeString(dir.resolve("tree/top.txt"), "y");
    Files.createSymbolicLink(dir.resolve("tree/a/link"), outside);
    Files.createSymbolicLink(dir.resolve("tree/dangling"), dir.resolve("nowhere"));

    FileTree.delete(dir.resolve("tree"));

    assertThat(dir.resolve("tree")).doesNotExist();
    assertThat(outside.resolve("keep.txt")).hasContent("kept");
  }

  @Test
  void delete_fileOrLink_removesOnlyIt() throws Exception {
    Path target = Files.writeString(dir.resolve("target.txt"), "t");
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);

    FileTree.delete(link);
    assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(target).exists();
    FileTree.delete(target);
    assertThat(target).doesNotExist();
  }

  @Test
  void delete_absentPath_isFine() throws Exception {
    FileTree.delete(dir.resolve("never-was"));

    assertThat(dir).isEmptyDirectory();
  }
}

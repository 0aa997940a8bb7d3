package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Asserts that two trees are equal: names, types, bytes, modes, owners, mtimes (ns), link targets, hard links. */
public final class TreeComparison {

  private static final String ATTRS = "unix:mode,uid,gid,lastModifiedTime,ino,nlink,size";

  private TreeComparison() {}

  public static void assertSameTree(Path expected, Path actual) throws IOException {
    List<Path> left = list(expected);
    List<Path> right = list(actual);
    assertThat(right.stream().map(Path::toString).toList())
        .containsExactlyElementsOf(left.stream().map(Path::toString).toList());
    Map<Object, Object> inodes = new HashMap<>();
    for (Path rel : left) {
      Path a = expected.resolve(rel);
      Path b = actual.resolve(rel);
      Map<String, Object> x = Files.readAttributes(a, ATTRS, LinkOption.NOFOLLOW_LINKS);
      Map<String, Object> y = Files.readAttributes(b, ATTRS, LinkOption.NOFOLLOW_LINKS);
      assertThat(y.get("mode")).as("mode of %s", rel).isEqualTo(x.get("mode"));
      assertThat(y.get("uid")).as("uid of %s", rel).isEqualTo(x.get("uid"));
      assertThat(y.get("gid")).as("gid of %s", rel).isEqualTo(x.get("gid"));
      if (Files.isSymbolicLink(a)) {
        assertThat(Files.readSymbolicLink(b)).isEqualTo(Files.readSymbolicLink(a));
        continue;
      }
      assertThat(y.get("lastModifiedTime")).as("mtime of %s", rel).isEqualTo(x.get("lastModifiedTime"));
      if (Files.isRegularFile(a, LinkOption.NOFOLLOW_LINKS)) {
        assertThat(Files.mismatch(a, b)).as("content of %s", rel).isEqualTo(-1L);
        assertThat(y.get("nlink")).as("link count of %s", rel).isEqualTo(x.get("nlink"));
        Object previous = inodes.putIfAbsent(x.get("ino"), y.get("ino"));
        if (previous != null) {
          assertThat(y.get("ino")).as("hard link %s shares its inode", rel).isEqualTo(previous);
        }
      }
    }
  }

  private static List<Path> list(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> !p.equals(root)).map(root::relativize).sorted().toList();
    }
  }
}

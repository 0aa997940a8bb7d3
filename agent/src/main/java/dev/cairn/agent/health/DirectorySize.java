package dev.cairn.agent.health;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Bytes used by the regular files under a directory (their apparent size), not following symbolic
 * links, and how many entries could not be read. Subdirectories whose size is already known (other
 * volumes measured in the same round) are not walked again: their known size is added. A value.
 * Immutable.
 */
record DirectorySize(long bytes, long unreadable) {

  /** Walks {@code root}; unreadable entries are counted, not fatal. */
  static DirectorySize of(Path root, Map<Path, Long> known) throws IOException {
    long[] bytes = {0};
    long[] unreadable = {0};
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        Long size = dir.equals(root) ? null : known.get(dir);
        if (size != null) {
          bytes[0] += size;
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
          bytes[0] += attributes.size();
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        unreadable[0]++;
        return FileVisitResult.CONTINUE;
      }
    });
    return new DirectorySize(bytes[0], unreadable[0]);
  }
}

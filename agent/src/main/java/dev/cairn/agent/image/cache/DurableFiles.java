package dev.cairn.agent.image.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Crash-safe file operations: write to a temp file, fsync, atomic rename, fsync the directory. */
public final class DurableFiles {

  private DurableFiles() {}

  /** Replaces {@code target} with {@code content} so that a reader sees the old or the new file. */
  public static void writeAtomically(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      moveAtomically(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Renames {@code source} onto {@code target} atomically and fsyncs the target's directory. */
  public static void moveAtomically(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "cannot rename " + source + " onto " + target + " atomically: keep the cache on one file system", e);
    }
    syncDirectory(target.toAbsolutePath().getParent());
  }

  /** Flushes a directory's entries (new names, renames) to disk. */
  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}

package dev.cairn.agent.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a whole file so that a reader, also after a crash at any instant, sees either the old
 * content or the new one: write a temp file in the same directory, fsync it, rename it over the
 * target, fsync the directory. Stateless and thread-safe for distinct targets.
 */
public final class AtomicFile {

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private AtomicFile() {}

  /** Atomically replaces {@code target} with {@code content}; mode 0600 when {@code secret}. */
  public static void write(Path target, byte[] content, boolean secret) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve("." + target.getFileName() + ".tmp");
    Files.deleteIfExists(temp);
    if (secret) {
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temp);
      throw new IOException("cannot replace " + target + " atomically: the file system does not support"
          + " atomic rename; keep the agent's state directory and image cache on a local POSIX file system", e);
    }
    syncDirectory(dir);
  }

  /** Atomically replaces {@code target} with {@code content} (mode from the umask). */
  public static void write(Path target, byte[] content) throws IOException {
    write(target, content, false);
  }

  /** Makes a rename, creation or deletion in {@code dir} durable. */
  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}

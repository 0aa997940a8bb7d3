package dev.cairn.agent.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads a file smaller than one chunk whole (never following a symlink). */
final class SmallFileReader {

  private SmallFileReader() {}

  /**
   * Reads at most {@code size} bytes (the size at scan time) into {@code into[0, size)}.
   *
   * @return the bytes read: fewer than {@code size} if the file shrank meanwhile
   */
  static int read(Path path, byte[] into, int size) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buffer = ByteBuffer.wrap(into, 0, size);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          break;
        }
      }
      return buffer.position();
    }
  }
}

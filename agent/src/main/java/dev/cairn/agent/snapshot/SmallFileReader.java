package dev.cairn.agent.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Reads a file smaller than one chunk whole (never following a symlink). */
final class SmallFileReader {

  private SmallFileReader() {}

  /** At most {@code size} bytes (the size at scan time); fewer if the file shrank meanwhile. */
  static byte[] read(Path path, int size) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      byte[] data = new byte[size];
      ByteBuffer buffer = ByteBuffer.wrap(data);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          return Arrays.copyOf(data, buffer.position());
        }
      }
      return data;
    }
  }
}

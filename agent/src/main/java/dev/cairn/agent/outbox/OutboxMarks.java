package dev.cairn.agent.outbox;

import dev.cairn.agent.state.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The outbox's small state file {@code marks}: the acknowledged seq, the highest seq ever assigned
 * and the highest tag ever appended. Replaced atomically; checked by CRC-32C. Immutable.
 */
record OutboxMarks(long acknowledged, long lastAssigned, long highestTag) {

  static final String FILE = "marks";
  private static final int VERSION = 1;
  private static final int SIZE = 1 + 8 + 8 + 8 + 4;

  static final OutboxMarks EMPTY = new OutboxMarks(0, 0, 0);

  /** Reads the marks; a missing file means a new outbox. */
  static OutboxMarks read(Path dir) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(dir.resolve(FILE));
    } catch (NoSuchFileException e) {
      return EMPTY;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    if (bytes.length != SIZE || buffer.get() != VERSION || crc(bytes) != buffer.getInt(SIZE - 4)) {
      throw new IOException("outbox marks file " + dir.resolve(FILE) + " is damaged (" + bytes.length
          + " bytes); move it away to start over: entries already acknowledged may then be sent again"
          + " and the controller drops them as replays");
    }
    return new OutboxMarks(buffer.getLong(), buffer.getLong(), buffer.getLong());
  }

  void write(Path dir) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(SIZE);
    buffer.put((byte) VERSION).putLong(acknowledged).putLong(lastAssigned).putLong(highestTag);
    buffer.putInt(crc(buffer.array()));
    AtomicFile.write(dir.resolve(FILE), buffer.array());
  }

  private static int crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, SIZE - 4);
    return (int) crc.getValue();
  }
}

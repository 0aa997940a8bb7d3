package dev.cairn.agent.state;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * An append-only file of framed records: {@code u32 length | u32 crc32c(body) | body}, big-endian.
 * An append is durable once {@link #append} with {@code sync} (or {@link #sync}) returns. On open
 * the caller scans the file and cuts off everything after the last complete, checksummed record
 * (the torn tail a crash leaves behind). An append that fails (a write or fsync error: a failing
 * card, a full disk) cuts off what it may have written, so the file again ends at its last complete
 * record; if even that fails, the owner closes the file and reopens it with {@link #openForAppend},
 * and readers stop at the end the owner knows ({@link #scan(Path, long, long, Visitor)}). Not
 * thread-safe: the owning store serialises access.
 */
public final class RecordFile implements Closeable {

  /** Largest body accepted; a length field above it means the frame is damaged. */
  public static final int MAX_BODY = 16 * 1024 * 1024;

  /** Bytes of framing before each body. */
  public static final int HEADER = 8;

  private final Path path;
  private final FileChannel channel;
  private long size;

  private RecordFile(Path path, FileChannel channel, long size) {
    this.path = path;
    this.channel = channel;
    this.size = size;
  }

  /**
   * Opens (creating if needed) {@code path} for appending after truncating it to {@code validEnd},
   * the end of its last good record as found by {@link #scan}.
   */
  public static RecordFile openForAppend(Path path, long validEnd) throws IOException {
    return openForAppend(path, validEnd, FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.READ));
  }

  /** {@link #openForAppend(Path, long)} over a channel already open on {@code path} (tests pass a failing one). */
  static RecordFile openForAppend(Path path, long validEnd, FileChannel channel) throws IOException {
    try {
      if (channel.size() > validEnd) {
        channel.truncate(validEnd);
        channel.force(true);
      }
      channel.position(validEnd);
      return new RecordFile(path, channel, validEnd);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Appends one record; with {@code sync} it is on disk when this returns. Returns its offset. When
   * it throws, the record is not in the file: what it wrote is cut off again (as far as the file
   * can still be changed; see the class comment).
   */
  public long append(byte[] body, boolean sync) throws IOException {
    if (body.length == 0 || body.length > MAX_BODY) {
      throw new IllegalArgumentException("record body of " + body.length + " bytes (1.." + MAX_BODY + ")");
    }
    ByteBuffer frame = ByteBuffer.allocate(HEADER + body.length);
    frame.putInt(body.length).putInt(crc(body, 0, body.length)).put(body).flip();
    long offset = size;
    try {
      while (frame.hasRemaining()) {
        channel.write(frame);
      }
      if (sync) {
        channel.force(false);
      }
    } catch (IOException | RuntimeException e) {
      cutBackTo(offset, e);
      throw e;
    }
    size += HEADER + body.length;
    return offset;
  }

  /** Removes what a failed append left after {@code end}; a failure to do so is added to {@code cause}. */
  private void cutBackTo(long end, Exception cause) {
    try {
      channel.truncate(end);
      channel.position(end);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** Forces every appended record to disk. */
  public void sync() throws IOException {
    channel.force(false);
  }

  /** Bytes in the file, all of them complete records. */
  public long size() {
    return size;
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Called once per complete record during a {@link #scan}; return {@code false} to stop early. */
  @FunctionalInterface
  public interface Visitor {
    boolean visit(long offset, byte[] body) throws IOException;
  }

  /**
   * What a scan found: {@code validEnd} is the end of the last complete record visited (or where
   * the visitor stopped), {@code fileSize} the file's length, {@code problem} why the scan stopped
   * before the end, or {@code null}.
   */
  public record Scan(long validEnd, long fileSize, String problem, boolean stoppedByVisitor) {
    /** Whether bytes after the last good record were found (a torn or damaged tail). */
    public boolean damaged() {
      return problem != null;
    }
  }

  /** Reads the records of {@code path} from {@code fromOffset} in order. */
  public static Scan scan(Path path, long fromOffset, Visitor visitor) throws IOException {
    return scan(path, fromOffset, Long.MAX_VALUE, visitor);
  }

  /**
   * Reads the records of {@code path} from {@code fromOffset} up to {@code endOffset}, the end of
   * the records its owner has committed: bytes after it (a failed append's) are not read.
   */
  public static Scan scan(Path path, long fromOffset, long endOffset, Visitor visitor) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long fileSize = Math.min(channel.size(), endOffset);
      channel.position(fromOffset);
      InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
      DataInputStream data = new DataInputStream(in);
      long offset = fromOffset;
      while (offset < fileSize) {
        if (fileSize - offset < HEADER) {
          return new Scan(offset, fileSize, "incomplete record header at offset " + offset, false);
        }
        int length = data.readInt();
        int expectedCrc = data.readInt();
        if (length <= 0 || length > MAX_BODY) {
          return new Scan(offset, fileSize, "invalid record length " + length + " at offset " + offset, false);
        }
        if (fileSize - offset - HEADER < length) {
          return new Scan(offset, fileSize, "incomplete record at offset " + offset, false);
        }
        byte[] body = new byte[length];
        try {
          data.readFully(body);
        } catch (EOFException e) {
          return new Scan(offset, fileSize, "incomplete record at offset " + offset, false);
        }
        if (crc(body, 0, length) != expectedCrc) {
          return new Scan(offset, fileSize, "checksum mismatch at offset " + offset, false);
        }
        long next = offset + HEADER + length;
        if (!visitor.visit(offset, body)) {
          return new Scan(next, fileSize, null, true);
        }
        offset = next;
      }
      return new Scan(offset, fileSize, null, false);
    }
  }

  private static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}

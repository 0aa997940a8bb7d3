package dev.cairn.agent.alert;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.cairn.agent.state.AtomicFile;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Event;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The file {@code <stateDir>/alerts/active}: the {@code alert.raised} event of every active alert
 * and, while a transition is being written, the event that is about to enter the outbox (the
 * <em>pending</em> event). Replaced whole, atomically; checked by CRC-32C. Format in {@code
 * docs/agent-state.md}. Not thread-safe: {@link AlertService} serialises access.
 */
final class AlertStore {

  static final String FILE = "active";
  private static final int VERSION = 1;

  /** What the file holds. */
  record Content(List<Event> active, Optional<Pending> pending) {
    Content {
      active = List.copyOf(active);
    }
  }

  /** An event written here before it is appended to the outbox; {@code seqBefore} is the outbox's last seq then. */
  record Pending(long seqBefore, AgentMessage message) {}

  private final Path dir;

  AlertStore(Path dir) {
    this.dir = dir;
  }

  Path file() {
    return dir.resolve(FILE);
  }

  /**
   * Reads the file; a missing file is an empty state. A damaged file is moved aside to {@code
   * active.damaged} and read as empty (the next reports raise what still holds), never fatal.
   */
  Content read() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file());
    } catch (NoSuchFileException e) {
      return new Content(List.of(), Optional.empty());
    }
    try {
      return decode(bytes);
    } catch (IOException e) {
      Files.move(file(), dir.resolve(FILE + ".damaged"), StandardCopyOption.REPLACE_EXISTING);
      throw new DamagedException(file() + " is damaged (" + e.getMessage() + "); moved to " + FILE
          + ".damaged, starting with no active alerts", e);
    }
  }

  void write(List<Event> active, Optional<Pending> pending) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(VERSION);
    out.writeInt(active.size());
    for (Event event : active) {
      byte[] body = event.toByteArray();
      out.writeInt(body.length);
      out.write(body);
    }
    out.writeByte(pending.isPresent() ? 1 : 0);
    if (pending.isPresent()) {
      byte[] body = pending.get().message().toByteArray();
      out.writeLong(pending.get().seqBefore());
      out.writeInt(body.length);
      out.write(body);
    }
    out.writeInt(crc(bytes.toByteArray(), bytes.size()));
    AtomicFile.write(file(), bytes.toByteArray());
  }

  private static Content decode(byte[] bytes) throws IOException {
    if (bytes.length < 10 || crc(bytes, bytes.length - 4) != ByteBuffer.wrap(bytes).getInt(bytes.length - 4)) {
      throw new IOException("checksum mismatch");
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
      if (in.get() != VERSION) {
        throw new IOException("unknown version " + bytes[0]);
      }
      int count = in.getInt();
      List<Event> active = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        active.add(Event.parseFrom(slice(in)));
      }
      Optional<Pending> pending = Optional.empty();
      if (in.get() == 1) {
        long seqBefore = in.getLong();
        pending = Optional.of(new Pending(seqBefore, AgentMessage.parseFrom(slice(in))));
      }
      return new Content(active, pending);
    } catch (BufferUnderflowException | InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new IOException("cannot decode: " + e, e);
    }
  }

  private static byte[] slice(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException("record length " + length + " beyond the file");
    }
    byte[] body = new byte[length];
    in.get(body);
    return body;
  }

  private static int crc(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  /** The file was damaged and has been moved aside. */
  static final class DamagedException extends IOException {
    private static final long serialVersionUID = 1L;

    DamagedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

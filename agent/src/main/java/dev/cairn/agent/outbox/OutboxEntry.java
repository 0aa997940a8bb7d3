package dev.cairn.agent.outbox;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One outbox entry: its sequence number, kind, a caller's ordering tag (the command seq for
 * results, else 0), when it was created and its payload (a serialised {@code AgentMessage}).
 * Immutable: the payload array is copied in and out.
 */
public record OutboxEntry(long seq, EntryKind kind, long tag, Instant created, byte[] payload) {

  private static final int VERSION = 1;
  private static final int FIXED = 1 + 1 + 8 + 8 + 8;

  public OutboxEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(created, "created");
    payload = payload.clone();
    if (seq <= 0) {
      throw new IllegalArgumentException("seq must be positive: " + seq);
    }
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** The record body stored in a segment: {@code u8 version | u8 kind | u64 seq | u64 tag | i64 created ms | payload}. */
  byte[] encode() {
    return ByteBuffer.allocate(FIXED + payload.length)
        .put((byte) VERSION)
        .put((byte) kind.code())
        .putLong(seq)
        .putLong(tag)
        .putLong(created.toEpochMilli())
        .put(payload)
        .array();
  }

  /** Decodes a segment record body. */
  static OutboxEntry decode(byte[] body) {
    if (body.length < FIXED || body[0] != VERSION) {
      throw new IllegalArgumentException("not an outbox entry (version " + (body.length > 0 ? body[0] : -1) + ")");
    }
    ByteBuffer buffer = ByteBuffer.wrap(body);
    buffer.get();
    EntryKind kind = EntryKind.ofCode(buffer.get());
    long seq = buffer.getLong();
    long tag = buffer.getLong();
    Instant created = Instant.ofEpochMilli(buffer.getLong());
    return new OutboxEntry(seq, kind, tag, created, Arrays.copyOfRange(body, FIXED, body.length));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OutboxEntry that
        && seq == that.seq
        && tag == that.tag
        && kind == that.kind
        && created.equals(that.created)
        && Arrays.equals(payload, that.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(seq, kind, tag, created) * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "OutboxEntry[seq=" + seq + ", kind=" + kind + ", tag=" + tag + ", " + payload.length + " bytes]";
  }
}

package dev.cairn.agent.repository;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One blob in a pack: its type, flags, where its stored (sealed) bytes are and how long its
 * plaintext is. The same 46-byte layout is used in pack headers and index files. Immutable.
 */
public record PackEntry(BlobType type, int flags, int offset, int storedLength, int plainLength, BlobId id) {

  /** Bytes of one encoded entry. */
  public static final int ENCODED_SIZE = 1 + 1 + 4 + 4 + 4 + BlobId.LENGTH;

  /** Flag bit: the stored bytes are one zstd frame. */
  public static final int FLAG_ZSTD = 0x01;

  public PackEntry {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }

  public boolean compressed() {
    return (flags & FLAG_ZSTD) != 0;
  }

  /** The same entry at another offset (repacking). */
  public PackEntry at(int newOffset) {
    return new PackEntry(type, flags, newOffset, storedLength, plainLength, id);
  }

  public void write(ByteBuffer buffer) {
    buffer.put((byte) type.code());
    buffer.put((byte) flags);
    buffer.putInt(offset);
    buffer.putInt(storedLength);
    buffer.putInt(plainLength);
    id.write(buffer);
  }

  /** Reads one entry; the buffer must be little-endian. */
  public static PackEntry read(ByteBuffer buffer) throws CorruptObjectException {
    BlobType type = BlobType.of(buffer.get() & 0xff);
    int flags = buffer.get() & 0xff;
    int offset = buffer.getInt();
    int stored = buffer.getInt();
    int plain = buffer.getInt();
    if (offset < 0 || stored < 0 || plain < 0) {
      throw new CorruptObjectException("pack entry with a negative offset or length");
    }
    return new PackEntry(type, flags, offset, stored, plain, BlobId.read(buffer));
  }

  /** The AAD that binds a sealed blob to its type, flags and id. */
  public byte[] aad() {
    return blobAad(type, flags, id);
  }

  /** The AAD of a blob: {@code "cairn/v1/blob" || type || flags || id}. */
  public static byte[] blobAad(BlobType type, int flags, BlobId id) {
    byte[] prefix = Aad.BLOB_PREFIX;
    byte[] aad = new byte[prefix.length + 2 + BlobId.LENGTH];
    System.arraycopy(prefix, 0, aad, 0, prefix.length);
    aad[prefix.length] = (byte) type.code();
    aad[prefix.length + 1] = (byte) flags;
    id.copyTo(aad, prefix.length + 2);
    return aad;
  }
}

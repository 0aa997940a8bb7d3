package dev.cairn.agent.pack;

import dev.cairn.agent.backend.Backend;
import dev.cairn.agent.backend.FileType;
import dev.cairn.agent.backend.Handle;
import dev.cairn.agent.repository.Aad;
import dev.cairn.agent.repository.CorruptObjectException;
import dev.cairn.agent.repository.PackEntry;
import dev.cairn.agent.repository.RepositoryKey;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads pack files: the header (a pack's own table of contents) and sealed blob bytes. */
public final class PackReader {

  private PackReader() {}

  public static Handle handle(String pack) {
    return new Handle(FileType.PACK, pack);
  }

  /** Reads and authenticates a pack's header; names the pack in every error. */
  public static List<PackEntry> readHeader(Backend backend, RepositoryKey key, String pack)
      throws IOException, CorruptObjectException {
    Handle handle = handle(pack);
    long size = backend.size(handle);
    if (size < PackFormat.MAGIC.length + PackFormat.TRAILER + RepositoryKey.OVERHEAD) {
      throw new CorruptObjectException("pack " + pack + " is truncated (" + size + " bytes)");
    }
    ByteBuffer trailer = ByteBuffer.wrap(read(backend, handle, size - PackFormat.TRAILER, PackFormat.TRAILER))
        .order(ByteOrder.LITTLE_ENDIAN);
    int headerLength = trailer.getInt();
    byte[] magic = new byte[8];
    trailer.get(magic);
    if (!Arrays.equals(magic, PackFormat.END_MAGIC) || headerLength < RepositoryKey.OVERHEAD
        || headerLength > size - PackFormat.TRAILER - PackFormat.MAGIC.length) {
      throw new CorruptObjectException("pack " + pack + " has no valid trailer (truncated or damaged)");
    }
    byte[] sealed = read(backend, handle, size - PackFormat.TRAILER - headerLength, headerLength);
    byte[] header;
    try {
      header = key.open(sealed, Aad.PACK_HEADER);
    } catch (CorruptObjectException e) {
      throw new CorruptObjectException("pack " + pack + ": header fails authentication", e);
    }
    return parseHeader(header, pack, size - PackFormat.TRAILER - headerLength);
  }

  static List<PackEntry> parseHeader(byte[] header, String pack, long blobsEnd) throws CorruptObjectException {
    ByteBuffer buffer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    try {
      int count = buffer.getInt();
      if (count < 0 || (long) count * PackEntry.ENCODED_SIZE != buffer.remaining()) {
        throw new CorruptObjectException("pack " + pack + ": header entry count does not match its length");
      }
      List<PackEntry> entries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        PackEntry entry = PackEntry.read(buffer);
        if (entry.offset() < PackFormat.MAGIC.length || (long) entry.offset() + entry.storedLength() > blobsEnd) {
          throw new CorruptObjectException("pack " + pack + ": blob " + entry.id().shortHex() + " lies outside the pack");
        }
        entries.add(entry);
      }
      return entries;
    } catch (BufferUnderflowException e) {
      throw new CorruptObjectException("pack " + pack + ": header is truncated", e);
    }
  }

  /** Reads the sealed bytes of one blob. */
  public static byte[] readSealed(Backend backend, String pack, PackEntry entry) throws IOException {
    return read(backend, handle(pack), entry.offset(), entry.storedLength());
  }

  static byte[] read(Backend backend, Handle handle, long offset, int length) throws IOException {
    try (InputStream in = backend.open(handle, offset, length)) {
      byte[] bytes = in.readNBytes(length);
      if (bytes.length != length) {
        throw new EOFException(handle + " ends before byte " + (offset + length) + " (truncated)");
      }
      return bytes;
    }
  }
}

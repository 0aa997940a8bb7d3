package dev.cairn.agent.repository;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** The payload of an index file (docs/repository-format.md §7): packs and their entries. */
public final class IndexCodec {

  static final byte[] MAGIC = "CAIRNIX1".getBytes(StandardCharsets.US_ASCII);

  private IndexCodec() {}

  public static byte[] encode(List<PackDescriptor> packs) {
    int size = MAGIC.length + 4;
    for (PackDescriptor pack : packs) {
      size += BlobId.LENGTH + 8 + 4 + pack.entries().size() * PackEntry.ENCODED_SIZE;
    }
    ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(MAGIC);
    buffer.putInt(packs.size());
    for (PackDescriptor pack : packs) {
      buffer.put(HexFormat.of().parseHex(pack.pack()));
      buffer.putLong(pack.size());
      buffer.putInt(pack.entries().size());
      for (PackEntry entry : pack.entries()) {
        entry.write(buffer);
      }
    }
    return buffer.array();
  }

  public static List<PackDescriptor> decode(byte[] payload, String what) throws CorruptObjectException {
    ByteBuffer buffer = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    try {
      byte[] magic = new byte[MAGIC.length];
      buffer.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new CorruptObjectException(what + " is not a version-1 index (bad magic)");
      }
      int packCount = buffer.getInt();
      List<PackDescriptor> packs = new ArrayList<>(Math.max(0, Math.min(packCount, 1 << 16)));
      for (int p = 0; p < packCount; p++) {
        String name = BlobId.read(buffer).hex();
        long size = buffer.getLong();
        int count = buffer.getInt();
        if (count < 0 || (long) count * PackEntry.ENCODED_SIZE > buffer.remaining()) {
          throw new CorruptObjectException(what + ": pack " + name + " claims " + count + " entries");
        }
        List<PackEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          entries.add(PackEntry.read(buffer));
        }
        packs.add(new PackDescriptor(name, size, entries));
      }
      return packs;
    } catch (BufferUnderflowException e) {
      throw new CorruptObjectException(what + " is truncated", e);
    }
  }
}

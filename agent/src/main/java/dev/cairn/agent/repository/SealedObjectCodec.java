package dev.cairn.agent.repository;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;

/**
 * Sealed objects (config, snapshot records, index files): {@code seal(key, aad, encoding || payload)}
 * with encoding 0 = raw, 1 = zstd (docs/repository-format.md §2).
 */
public final class SealedObjectCodec {

  private static final int RAW = 0;
  private static final int ZSTD = 1;
  private static final int COMPRESS_ABOVE = 512;

  private SealedObjectCodec() {}

  public static byte[] seal(RepositoryKey key, byte[] aad, byte[] payload) {
    byte[] body;
    if (payload.length > COMPRESS_ABOVE) {
      byte[] compressed = Zstd.compress(payload, 3);
      body = new byte[compressed.length + 1];
      body[0] = ZSTD;
      System.arraycopy(compressed, 0, body, 1, compressed.length);
    } else {
      body = new byte[payload.length + 1];
      body[0] = RAW;
      System.arraycopy(payload, 0, body, 1, payload.length);
    }
    return key.seal(body, aad);
  }

  public static byte[] open(RepositoryKey key, byte[] aad, byte[] sealed, String what) throws CorruptObjectException {
    byte[] body;
    try {
      body = key.open(sealed, aad);
    } catch (CorruptObjectException e) {
      throw new CorruptObjectException(what + " fails authentication (damaged, or sealed with another key)", e);
    }
    if (body.length == 0) {
      throw new CorruptObjectException(what + " is empty");
    }
    switch (body[0]) {
      case RAW:
        byte[] raw = new byte[body.length - 1];
        System.arraycopy(body, 1, raw, 0, raw.length);
        return raw;
      case ZSTD:
        try {
          long size = Zstd.getFrameContentSize(body, 1, body.length - 1);
          if (size < 0 || size > Integer.MAX_VALUE - 16) {
            throw new CorruptObjectException(what + ": zstd frame without a usable content size");
          }
          byte[] out = new byte[(int) size];
          long n = Zstd.decompressByteArray(out, 0, out.length, body, 1, body.length - 1);
          if (n != size) {
            throw new CorruptObjectException(what + ": zstd frame decompressed to " + n + " bytes, expected " + size);
          }
          return out;
        } catch (ZstdException e) {
          throw new CorruptObjectException(what + ": zstd frame is damaged: " + e.getMessage(), e);
        }
      default:
        throw new CorruptObjectException(what + ": unknown encoding " + body[0]);
    }
  }
}

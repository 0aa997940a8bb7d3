package dev.cairn.agent.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.cairn.agent.repository.CorruptObjectException;

/**
 * zstd (level 3) for blobs, skipped where it does not pay. The decision is cheap: a blob over
 * 64 KiB is first judged by compressing a 64 KiB sample, so incompressible data costs one small
 * probe, not a full compression and then storage. Thread-safe (one context per thread).
 */
public final class BlobCompressor {

  static final int LEVEL = 3;
  static final int SAMPLE = 64 << 10;
  /** The sample must shrink by at least 3 %, the whole blob by at least 2 %. */
  static final double SAMPLE_MAX_RATIO = 0.97;
  static final double BLOB_MAX_RATIO = 0.98;

  private static final ThreadLocal<ZstdCompressCtx> COMPRESSORS = ThreadLocal.withInitial(() -> {
    ZstdCompressCtx ctx = new ZstdCompressCtx();
    ctx.setLevel(LEVEL);
    ctx.setChecksum(false);
    ctx.setContentSize(true);
    return ctx;
  });
  private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESSORS = ThreadLocal.withInitial(ZstdDecompressCtx::new);
  private static final ThreadLocal<byte[]> SAMPLE_BUFFERS =
      ThreadLocal.withInitial(() -> new byte[(int) Zstd.compressBound(SAMPLE)]);

  private BlobCompressor() {}

  /** The size {@code dst} needs for {@link #compress} of {@code len} bytes. */
  public static int maxCompressedLength(int len) {
    return (int) Zstd.compressBound(len);
  }

  /**
   * Compresses {@code src[off, off+len)} into {@code dst} at {@code dstOff} when that pays.
   *
   * @return the compressed length, or -1 when the blob should be stored as it is
   */
  public static int compress(byte[] src, int off, int len, byte[] dst, int dstOff) {
    if (len < 64) {
      return -1;
    }
    ZstdCompressCtx ctx = COMPRESSORS.get();
    if (len > SAMPLE) {
      byte[] probe = SAMPLE_BUFFERS.get();
      int start = off + (len - SAMPLE) / 2; // the middle: headers at the start often compress alone
      long n = ctx.compressByteArray(probe, 0, probe.length, src, start, SAMPLE);
      if (n > SAMPLE * SAMPLE_MAX_RATIO) {
        return -1;
      }
    }
    long n = ctx.compressByteArray(dst, dstOff, dst.length - dstOff, src, off, len);
    return n > len * BLOB_MAX_RATIO ? -1 : (int) n;
  }

  /**
   * Decompresses one zstd frame that must yield exactly {@code expected} bytes.
   *
   * @throws CorruptObjectException when the frame is damaged or has another length
   */
  public static void decompress(byte[] src, int off, int len, byte[] dst, int dstOff, int expected)
      throws CorruptObjectException {
    try {
      long n = DECOMPRESSORS.get().decompressByteArray(dst, dstOff, expected, src, off, len);
      if (n != expected) {
        throw new CorruptObjectException("zstd frame decompressed to " + n + " bytes, expected " + expected);
      }
    } catch (ZstdException e) {
      throw new CorruptObjectException("zstd frame is damaged: " + e.getMessage(), e);
    }
  }
}

package dev.cairn.agent.volume;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Writes restored content at a position, leaving every all-zero 4 KiB block (aligned to the
 * file offset) unwritten, so holes of sparse files come back as holes. The caller sets the final
 * length. Thread-safe (positional writes).
 */
public final class SparseWriter {

  static final int BLOCK = 4096;
  private static final byte[] ZEROS = new byte[BLOCK];

  private SparseWriter() {}

  /** Writes {@code data[off, off+len)} at file position {@code position}, skipping zero blocks. */
  public static void write(FileChannel channel, long position, byte[] data, int off, int len) throws IOException {
    int runStart = -1; // start (in data) of the pending non-zero run
    int i = off;
    int end = off + len;
    while (i < end) {
      long filePos = position + (i - off);
      int blockLen = (int) Math.min(BLOCK - (filePos % BLOCK), end - i);
      boolean zero = blockLen == BLOCK && isZero(data, i);
      if (zero) {
        if (runStart >= 0) {
          writeFully(channel, position + (runStart - off), data, runStart, i - runStart);
          runStart = -1;
        }
      } else if (runStart < 0) {
        runStart = i;
      }
      i += blockLen;
    }
    if (runStart >= 0) {
      writeFully(channel, position + (runStart - off), data, runStart, end - runStart);
    }
  }

  private static boolean isZero(byte[] data, int at) {
    return data[at] == 0 && data[at + BLOCK - 1] == 0 && Arrays.mismatch(data, at, at + BLOCK, ZEROS, 0, BLOCK) < 0;
  }

  private static void writeFully(FileChannel channel, long position, byte[] data, int off, int len) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(data, off, len);
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }
}

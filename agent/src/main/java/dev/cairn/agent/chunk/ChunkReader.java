package dev.cairn.agent.chunk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Streams a file as FastCDC chunks in pooled buffers. Reads in steps of {@link #STEP}, so only
 * the bytes past a cut (under one step) are copied into the next buffer; memory is the pool's.
 * Not thread-safe.
 */
public final class ChunkReader {

  /** Read granularity beyond {@code min}: bounds the bytes copied per chunk. */
  public static final int STEP = 512 << 10;

  private final FastCdc cdc;
  private final BufferPool pool;
  private final ReadableByteChannel in;
  private byte[] current;
  private int filled;
  private boolean eof;
  private long total;

  /** The pool's buffers must hold {@code max + STEP} bytes. */
  public ChunkReader(FastCdc cdc, BufferPool pool, ReadableByteChannel in) {
    if (pool.bufferSize() < cdc.max() + STEP) {
      throw new IllegalArgumentException("pool buffers must hold max + STEP bytes");
    }
    this.cdc = cdc;
    this.pool = pool;
    this.in = in;
  }

  /** Pool buffer size for a chunker. */
  public static int bufferSize(FastCdc cdc) {
    return cdc.max() + STEP;
  }

  /** Bytes read so far. */
  public long total() {
    return total;
  }

  /** The next chunk, or null at the end of the file. The caller owns (and releases) the chunk. */
  public Chunk next() throws IOException, InterruptedException {
    if (current == null) {
      if (eof) {
        return null;
      }
      current = pool.take();
      filled = 0;
    }
    FastCdc.Scan scan = cdc.scan();
    int cut;
    while (true) {
      fill(Math.min(current.length, Math.max(filled, cdc.min()) + STEP));
      if (filled == 0 && eof) {
        pool.release(current);
        current = null;
        return null;
      }
      cut = scan.advance(current, filled);
      if (cut > 0) {
        break;
      }
      if (eof) {
        cut = filled;
        break;
      }
    }
    byte[] chunk = current;
    int rest = filled - cut;
    if (rest > 0) {
      current = pool.take();
      System.arraycopy(chunk, cut, current, 0, rest);
      filled = rest;
    } else {
      current = null;
      filled = 0;
    }
    return new Chunk(chunk, cut, pool);
  }

  private void fill(int target) throws IOException {
    while (!eof && filled < target) {
      int n = in.read(ByteBuffer.wrap(current, filled, target - filled));
      if (n < 0) {
        eof = true;
      } else {
        filled += n;
        total += n;
      }
    }
  }

  /** Returns a buffer still held (after a failure). */
  public void discard() {
    if (current != null) {
      pool.release(current);
      current = null;
    }
  }
}

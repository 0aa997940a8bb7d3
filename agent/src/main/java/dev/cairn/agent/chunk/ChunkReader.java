package dev.cairn.agent.chunk;

import dev.cairn.agent.repository.ChunkerParams;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Streams a file as FastCDC chunks in pooled buffers. Reads in steps of {@link #STEP}, so only
 * the bytes past a cut (under one step) are copied into the next buffer; memory is the pool's.
 * The pool's buffers hold a typical chunk ({@link #bufferSize}), not the largest one: a chunk
 * that outgrows its buffer moves to a larger array of its own (doubling, up to max + STEP),
 * which the pool drops on release. Not thread-safe.
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

  /** The pool's buffers must hold at least {@code min + 2 * STEP} bytes (or max + STEP). */
  public ChunkReader(FastCdc cdc, BufferPool pool, ReadableByteChannel in) {
    if (pool.bufferSize() < Math.min(cdc.max(), cdc.min() + STEP) + STEP) {
      throw new IllegalArgumentException("pool buffers must hold min + 2 * STEP bytes (or max + STEP)");
    }
    this.cdc = cdc;
    this.pool = pool;
    this.in = in;
  }

  /**
   * Pool buffer size for a chunker: four times the average chunk (at least min + 2 * STEP), at
   * most max + STEP. With normalized chunking (docs/repository-format.md §5) and the default
   * bounds, a chunk outgrows that about once in 200,000 on random data (no cut in the 1.5 MiB
   * after the average, where the chance is 2^-17 per byte: e^-12), while buffers sized for the
   * maximum (8 MiB) made a pool of ~50 MiB that every snapshot zeroed and its first young
   * collection copied.
   */
  public static int bufferSize(ChunkerParams params) {
    long typical = Math.max(4L * params.avg(), (long) params.min() + 2L * STEP);
    return (int) Math.min(typical, (long) params.max() + STEP);
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
      if (filled == current.length && current.length < cdc.max() + STEP) {
        grow();
      }
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

  /** Moves the chunk being read to an array twice as large (at most max + STEP), outside the pool. */
  private void grow() {
    byte[] larger = new byte[(int) Math.min(2L * current.length, (long) cdc.max() + STEP)];
    System.arraycopy(current, 0, larger, 0, filled);
    pool.release(current);
    current = larger;
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

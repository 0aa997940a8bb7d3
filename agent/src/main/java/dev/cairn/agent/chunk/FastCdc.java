package dev.cairn.agent.chunk;

import dev.cairn.agent.repository.ChunkerParams;

/**
 * FastCDC content-defined chunking with normalized chunking (level 2): cut points depend on
 * content, so inserting bytes shifts only nearby boundaries (docs/repository-format.md §5).
 * Immutable and thread-safe.
 */
public final class FastCdc {

  private final long[] gear;
  private final int min;
  private final int avg;
  private final int max;
  private final long maskS;
  private final long maskL;

  public FastCdc(ChunkerParams params) {
    this.gear = new GearTable(params.gearSeed()).values();
    this.min = params.min();
    this.avg = params.avg();
    this.max = params.max();
    int bits = Integer.numberOfTrailingZeros(params.avg());
    this.maskS = topBits(bits + 2);
    this.maskL = topBits(bits - 2);
  }

  private static long topBits(int n) {
    return n >= 64 ? -1L : ((1L << n) - 1) << (64 - n);
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  /**
   * The length of the chunk that starts at {@code buf[0]}, given {@code n} available bytes.
   * With {@code eof}, the available bytes are the rest of the input; without, {@code n} must be
   * at least {@link #max()} (or the caller uses {@link Scan} to feed bytes incrementally).
   */
  public int cut(byte[] buf, int n, boolean eof) {
    Scan scan = new Scan();
    int cut = scan.advance(buf, n);
    if (cut > 0) {
      return cut;
    }
    if (!eof && n < max) {
      throw new IllegalArgumentException("need " + max + " bytes or the end of input, have " + n);
    }
    return Math.min(n, max);
  }

  /** Starts an incremental search for the cut of a chunk beginning at offset 0 of a buffer. */
  public Scan scan() {
    return new Scan();
  }

  /** An incremental cut search: feed it growing prefixes of the same buffer. Not thread-safe. */
  public final class Scan {
    private long h;
    private int position = min;

    /**
     * Scans {@code buf[position, n)} (never past max); returns the cut length once found or max
     * is reached, or 0 when more bytes are needed to decide.
     */
    public int advance(byte[] buf, int n) {
      // Two bytes per iteration, with the table and masks in locals: the engine commands run on
      // the C1 compiler only (bin/cairn), which neither unrolls nor hoists the field loads; ~7 %
      // faster there. The cut points are those of the plain one-byte loop.
      final long[] g = gear;
      final long small = maskS;
      final long large = maskL;
      int limit = Math.min(n, max);
      int i = position;
      long hash = h;
      int normal = Math.min(limit, avg);
      for (; i < normal - 1; i += 2) {
        hash = (hash << 1) + g[buf[i] & 0xff];
        if ((hash & small) == 0) {
          return i + 1;
        }
        hash = (hash << 1) + g[buf[i + 1] & 0xff];
        if ((hash & small) == 0) {
          return i + 2;
        }
      }
      for (; i < normal; i++) {
        hash = (hash << 1) + g[buf[i] & 0xff];
        if ((hash & small) == 0) {
          return i + 1;
        }
      }
      for (; i < limit - 1; i += 2) {
        hash = (hash << 1) + g[buf[i] & 0xff];
        if ((hash & large) == 0) {
          return i + 1;
        }
        hash = (hash << 1) + g[buf[i + 1] & 0xff];
        if ((hash & large) == 0) {
          return i + 2;
        }
      }
      for (; i < limit; i++) {
        hash = (hash << 1) + g[buf[i] & 0xff];
        if ((hash & large) == 0) {
          return i + 1;
        }
      }
      h = hash;
      position = Math.max(i, position);
      return limit == max ? max : 0;
    }
  }
}

package dev.cairn.agent.backend;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double: content that declares {@code length} bytes but whose stream throws an {@link
 * IOException} after {@code failAfter} bytes, for the first {@code failingOpens} opens (then it
 * yields all bytes). Counts its opens.
 */
final class FailingMidwayContent implements Content {
  private final long length;
  private final long failAfter;
  private final int failingOpens;
  private final long seed;
  private final AtomicInteger opens = new AtomicInteger();

  FailingMidwayContent(long length, long failAfter, int failingOpens, long seed) {
    this.length = length;
    this.failAfter = failAfter;
    this.failingOpens = failingOpens;
    this.seed = seed;
  }

  /** Content that always fails after {@code failAfter} bytes. */
  static FailingMidwayContent always(long length, long failAfter) {
    return new FailingMidwayContent(length, failAfter, Integer.MAX_VALUE, 42);
  }

  int opens() {
    return opens.get();
  }

  /** The bytes a successful open yields (deterministic pseudo-random). */
  byte[] expectedBytes() {
    return RandomBytes.of(Math.toIntExact(length), seed);
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public InputStream open() {
    boolean fail = opens.incrementAndGet() <= failingOpens;
    byte[] bytes = expectedBytes();
    return new InputStream() {
      private int position;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (fail && position >= failAfter) {
          throw new IOException("injected failure after " + position + " bytes");
        }
        if (position >= bytes.length) {
          return -1;
        }
        long limit = fail ? failAfter : bytes.length;
        int n = (int) Math.min(len, Math.min(limit, bytes.length) - position);
        if (n == 0) {
          throw new IOException("injected failure after " + position + " bytes");
        }
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
      }
    };
  }
}

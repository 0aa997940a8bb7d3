package dev.cairn.agent.backend;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream over exactly {@code length} bytes of a {@link Content} starting at {@code offset}; it
 * fails instead of ending early, so a short source can never be stored as a short object. Not
 * thread-safe.
 */
final class ContentSlice extends FilterInputStream {
  private final long length;
  private final boolean lastSlice;
  private long remaining;

  private ContentSlice(InputStream in, long length, boolean lastSlice) {
    super(in);
    this.length = length;
    this.lastSlice = lastSlice;
    this.remaining = length;
  }

  /**
   * Opens the content and positions it at {@code offset}. When {@code lastSlice}, the source must
   * also end right after the slice (its length must match what it declared).
   */
  static ContentSlice open(Content content, long offset, long length, boolean lastSlice)
      throws IOException {
    InputStream in = content.open();
    try {
      in.skipNBytes(offset);
    } catch (EOFException e) {
      in.close();
      throw new EOFException("content ended before offset " + offset + " (it declared "
          + content.length() + " bytes)");
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    return new ContentSlice(in, length, lastSlice);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (remaining == 0) {
      if (lastSlice && in.read() >= 0) {
        throw new IOException("content is longer than the " + length + " bytes it declared");
      }
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new EOFException("content ended after " + (length - remaining) + " of "
          + length + " bytes");
    }
    remaining -= n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(Math.min(n, remaining));
    remaining -= skipped;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(in.available(), remaining);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {
    // not supported: the SDK re-opens through the ContentStreamProvider instead
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }
}

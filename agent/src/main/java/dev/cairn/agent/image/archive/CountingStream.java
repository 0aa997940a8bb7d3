package dev.cairn.agent.image.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it (progress of a compressed archive); not thread-safe. */
final class CountingStream extends FilterInputStream {

  private long count;

  CountingStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    count += b < 0 ? 0 : 1;
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    count += Math.max(n, 0);
    return n;
  }

  long count() {
    return count;
  }
}

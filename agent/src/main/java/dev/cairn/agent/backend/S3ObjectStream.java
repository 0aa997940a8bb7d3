package dev.cairn.agent.backend;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The body of a GET: turns SDK runtime errors into {@link IOException} and, when closed before the
 * end, aborts the connection instead of draining the rest of a large object. Not thread-safe.
 */
final class S3ObjectStream extends FilterInputStream {
  private final ResponseInputStream<?> response;
  private final String what;
  private boolean atEnd;

  S3ObjectStream(ResponseInputStream<?> response, String what) {
    super(response);
    this.response = response;
    this.what = what;
  }

  @Override
  public int read() throws IOException {
    try {
      int b = super.read();
      atEnd |= b < 0;
      return b;
    } catch (SdkException e) {
      throw new IOException("reading " + what + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      int n = super.read(b, off, len);
      atEnd |= n < 0;
      return n;
    } catch (SdkException e) {
      throw new IOException("reading " + what + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    if (!atEnd) {
      response.abort();
    }
    try {
      super.close();
    } catch (SdkException e) {
      throw new IOException("closing " + what + " failed: " + e.getMessage(), e);
    }
  }
}

package dev.cairn.agent.backend;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * Hands the AWS SDK a fresh {@link ContentSlice} each time it asks (it may read a body more than
 * once) and closes the streams it opened. Not thread-safe; one per request.
 */
final class ContentSliceProvider implements ContentStreamProvider, Closeable {
  private final Content content;
  private final long offset;
  private final long length;
  private final boolean lastSlice;
  private InputStream current;

  ContentSliceProvider(Content content, long offset, long length, boolean lastSlice) {
    this.content = content;
    this.offset = offset;
    this.length = length;
    this.lastSlice = lastSlice;
  }

  @Override
  public InputStream newStream() {
    try {
      close();
      current = ContentSlice.open(content, offset, length, lastSlice);
      return current;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return "cairn-content";
  }

  @Override
  public void close() throws IOException {
    InputStream open = current;
    current = null;
    if (open != null) {
      open.close();
    }
  }
}

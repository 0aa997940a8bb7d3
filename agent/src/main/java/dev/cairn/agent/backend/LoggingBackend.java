package dev.cairn.agent.backend;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every backend operation at DEBUG with its duration (and failures with their error), for
 * diagnosing a slow or flaky store on a node. Thread-safe if the wrapped backend is.
 */
public final class LoggingBackend extends ForwardingBackend {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingBackend.class);

  @FunctionalInterface
  private interface Operation<T> {
    T run() throws IOException;
  }


  public LoggingBackend(Backend inner) {
    super(inner);
  }

  @Override
  public void save(Handle handle, Content content) throws IOException {
    long length = content.length();
    timed("save " + handle + " (" + length + " bytes)", () -> {
      delegate.save(handle, content);
      return null;
    });
  }

  @Override
  public InputStream open(Handle handle, long offset, long length) throws IOException {
    return timed("open " + handle + " [" + offset + ", " + (length < 0 ? "end" : length) + "]",
        () -> delegate.open(handle, offset, length));
  }

  @Override
  public long size(Handle handle) throws IOException {
    return timed("size " + handle, () -> delegate.size(handle));
  }

  @Override
  public boolean exists(Handle handle) throws IOException {
    return timed("exists " + handle, () -> delegate.exists(handle));
  }

  @Override
  public void remove(Handle handle) throws IOException {
    timed("remove " + handle, () -> {
      delegate.remove(handle);
      return null;
    });
  }

  @Override
  public List<FileInfo> list(FileType type) throws IOException {
    List<FileInfo> found = timed("list " + type.directory(), () -> delegate.list(type));
    LOG.debug("list {} in {}: {} objects", type.directory(), delegate.location(), found.size());
    return found;
  }

  private <T> T timed(String what, Operation<T> operation) throws IOException {
    long start = System.nanoTime();
    try {
      T result = operation.run();
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} in {}: {} ms", what, delegate.location(), millisSince(start));
      }
      return result;
    } catch (IOException | RuntimeException e) {
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} in {}: failed after {} ms: {}", what, delegate.location(), millisSince(start),
            e.toString());
      }
      throw e;
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}

package dev.cairn.agent.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries failed backend operations with bounded exponential backoff and jitter ({@link
 * RetryPolicy}). Errors the wrapped backend calls permanent ({@link Backend#isPermanent}) are
 * thrown at once; others are retried until the policy's attempts are used up, then the last error
 * is thrown. A save re-opens its {@link Content} on every attempt. Thread-safe if the wrapped
 * backend is.
 *
 * <p>Opening a stream is retried; reading from an opened stream is not (the caller re-opens).
 */
public final class RetryingBackend extends ForwardingBackend {
  private static final Logger LOG = LoggerFactory.getLogger(RetryingBackend.class);

  /** Waits between attempts; tests pass one that records instead of sleeping long. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  @FunctionalInterface
  private interface Attempt<T> {
    T run() throws IOException;
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;

  public RetryingBackend(Backend inner, RetryPolicy policy) {
    this(inner, policy, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
  }

  public RetryingBackend(Backend inner, RetryPolicy policy, Sleeper sleeper) {
    super(inner);
    this.policy = policy;
    this.sleeper = sleeper;
  }

  /** The usual stack for a raw backend: {@code Retrying(Logging(raw))} with the standard policy. */
  public static Backend standard(Backend raw) {
    return new RetryingBackend(new LoggingBackend(raw), RetryPolicy.standard());
  }

  @Override
  public void save(Handle handle, Content content) throws IOException {
    retry("save", handle, () -> {
      delegate.save(handle, content);
      return null;
    });
  }

  @Override
  public InputStream open(Handle handle, long offset, long length) throws IOException {
    return retry("open", handle, () -> delegate.open(handle, offset, length));
  }

  @Override
  public long size(Handle handle) throws IOException {
    return retry("size", handle, () -> delegate.size(handle));
  }

  @Override
  public boolean exists(Handle handle) throws IOException {
    return retry("exists", handle, () -> delegate.exists(handle));
  }

  @Override
  public void remove(Handle handle) throws IOException {
    retry("remove", handle, () -> {
      delegate.remove(handle);
      return null;
    });
  }

  @Override
  public List<FileInfo> list(FileType type) throws IOException {
    return retry("list", type.directory(), () -> delegate.list(type));
  }

  private <T> T retry(String operation, Object target, Attempt<T> attempt) throws IOException {
    for (int n = 1; ; n++) {
      try {
        return attempt.run();
      } catch (IOException e) {
        if (delegate.isPermanent(e)) {
          throw e;
        }
        if (n >= policy.maxAttempts()) {
          LOG.warn("{} {} in {}: giving up after {} attempts: {}", operation, target,
              delegate.location(), n, e.toString());
          throw e;
        }
        Duration delay = policy.delayAfter(n, ThreadLocalRandom.current().nextDouble());
        LOG.warn("{} {} in {}: attempt {} of {} failed ({}); retrying in {} ms", operation,
            target, delegate.location(), n, policy.maxAttempts(), e.toString(), delay.toMillis());
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          InterruptedIOException stop = new InterruptedIOException(
              operation + " " + target + " interrupted while waiting to retry");
          stop.addSuppressed(e);
          throw stop;
        }
      }
    }
  }
}

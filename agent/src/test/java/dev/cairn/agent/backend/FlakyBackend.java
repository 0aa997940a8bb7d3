package dev.cairn.agent.backend;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Test double: a decorator that makes the next {@code n} calls fail with an injected error before
 * they reach the real backend, and counts every call that reaches it.
 */
final class FlakyBackend extends ForwardingBackend {
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile Supplier<IOException> failure = () -> new IOException("injected");

  FlakyBackend(Backend inner) {
    super(inner);
  }

  /** The next {@code n} calls throw what {@code error} supplies. */
  void failNext(int n, Supplier<IOException> error) {
    failure = error;
    failuresLeft.set(n);
  }

  /** Calls made through this decorator (failed or not). */
  int calls() {
    return calls.get();
  }

  private void maybeFail() throws IOException {
    calls.incrementAndGet();
    if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      throw failure.get();
    }
  }

  @Override
  public void save(Handle handle, Content content) throws IOException {
    maybeFail();
    super.save(handle, content);
  }

  @Override
  public InputStream open(Handle handle, long offset, long length) throws IOException {
    maybeFail();
    return super.open(handle, offset, length);
  }

  @Override
  public long size(Handle handle) throws IOException {
    maybeFail();
    return super.size(handle);
  }

  @Override
  public boolean exists(Handle handle) throws IOException {
    maybeFail();
    return super.exists(handle);
  }

  @Override
  public void remove(Handle handle) throws IOException {
    maybeFail();
    super.remove(handle);
  }

  @Override
  public List<FileInfo> list(FileType type) throws IOException {
    maybeFail();
    return super.list(type);
  }
}

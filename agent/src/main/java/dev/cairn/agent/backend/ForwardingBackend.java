package dev.cairn.agent.backend;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A {@link Backend} that forwards every call to another one; decorators extend it and override
 * only what they change. Thread-safe if the wrapped backend is.
 */
public abstract class ForwardingBackend implements Backend {
  protected final Backend delegate;

  protected ForwardingBackend(Backend delegate) {
    this.delegate = delegate;
  }

  @Override
  public String location() {
    return delegate.location();
  }

  @Override
  public void save(Handle handle, Content content) throws IOException {
    delegate.save(handle, content);
  }

  @Override
  public InputStream open(Handle handle, long offset, long length) throws IOException {
    return delegate.open(handle, offset, length);
  }

  @Override
  public long size(Handle handle) throws IOException {
    return delegate.size(handle);
  }

  @Override
  public boolean exists(Handle handle) throws IOException {
    return delegate.exists(handle);
  }

  @Override
  public void remove(Handle handle) throws IOException {
    delegate.remove(handle);
  }

  @Override
  public List<FileInfo> list(FileType type) throws IOException {
    return delegate.list(type);
  }

  @Override
  public boolean isPermanent(IOException error) {
    return delegate.isPermanent(error);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}

package dev.cairn.agent.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A stand-in for a failing disk, which cannot be had here on demand: a real {@link FileChannel}
 * whose next {@code force}, {@code write} (after writing half of what it was given) or
 * {@code truncate} throws once armed. Everything else goes to the real channel.
 */
final class FailingFileChannel extends FileChannel {

  private final FileChannel real;
  private boolean failForce;
  private boolean failWriteHalfway;
  private boolean failTruncate;

  FailingFileChannel(FileChannel real) {
    this.real = real;
  }

  FailingFileChannel failNextForce() {
    failForce = true;
    return this;
  }

  FailingFileChannel failNextWriteHalfway() {
    failWriteHalfway = true;
    return this;
  }

  FailingFileChannel failNextTruncate() {
    failTruncate = true;
    return this;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    if (failWriteHalfway) {
      failWriteHalfway = false;
      ByteBuffer half = src.duplicate();
      half.limit(src.position() + src.remaining() / 2);
      int written = real.write(half);
      src.position(src.position() + written);
      throw new IOException("No space left on device (simulated)");
    }
    return real.write(src);
  }

  @Override
  public void force(boolean metaData) throws IOException {
    if (failForce) {
      failForce = false;
      throw new IOException("Input/output error (simulated fsync failure)");
    }
    real.force(metaData);
  }

  @Override
  public FileChannel truncate(long size) throws IOException {
    if (failTruncate) {
      failTruncate = false;
      throw new IOException("Input/output error (simulated truncate failure)");
    }
    real.truncate(size);
    return this;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    return real.read(dst);
  }

  @Override
  public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    return real.read(dsts, offset, length);
  }

  @Override
  public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    return real.write(srcs, offset, length);
  }

  @Override
  public long position() throws IOException {
    return real.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    real.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return real.size();
  }

  @Override
  public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
    return real.transferTo(position, count, target);
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
    return real.transferFrom(src, position, count);
  }

  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    return real.read(dst, position);
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    return real.write(src, position);
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
    return real.map(mode, position, size);
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) throws IOException {
    return real.lock(position, size, shared);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return real.tryLock(position, size, shared);
  }

  @Override
  protected void implCloseChannel() throws IOException {
    real.close();
  }
}

package dev.cairn.agent.chunk;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of equal, large byte buffers. Taking blocks when all are in use, which is what
 * bounds the memory of the snapshot pipeline. Thread-safe.
 */
public final class BufferPool {

  private final int bufferSize;
  private final int capacity;
  private final BlockingQueue<byte[]> free;
  private final AtomicInteger created = new AtomicInteger();

  public BufferPool(int bufferSize, int capacity) {
    this.bufferSize = bufferSize;
    this.capacity = capacity;
    this.free = new ArrayBlockingQueue<>(capacity);
  }

  public int bufferSize() {
    return bufferSize;
  }

  /** A buffer, allocating one while fewer than {@code capacity} exist, else waiting for a release. */
  public byte[] take() throws InterruptedException {
    byte[] buffer = free.poll();
    if (buffer != null) {
      return buffer;
    }
    if (created.incrementAndGet() <= capacity) {
      try {
        return new byte[bufferSize];
      } catch (OutOfMemoryError e) {
        created.decrementAndGet(); // the slot stays free: later takes fail too instead of waiting forever
        throw e;
      }
    }
    created.decrementAndGet();
    return free.take();
  }

  /** Returns a buffer taken from this pool. */
  public void release(byte[] buffer) {
    if (buffer.length == bufferSize) {
      free.offer(buffer);
    }
  }
}

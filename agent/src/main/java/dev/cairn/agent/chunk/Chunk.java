package dev.cairn.agent.chunk;

/**
 * A chunk of file content: {@code buffer[0, length)}. When the buffer came from a pool, the
 * consumer must {@link #release()} it once done. Not thread-safe (handed from one thread to one other).
 */
public record Chunk(byte[] buffer, int length, BufferPool pool) {

  /** A chunk in its own array (small files), nothing to release. */
  public static Chunk of(byte[] data) {
    return new Chunk(data, data.length, null);
  }

  public void release() {
    if (pool != null) {
      pool.release(buffer);
    }
  }
}

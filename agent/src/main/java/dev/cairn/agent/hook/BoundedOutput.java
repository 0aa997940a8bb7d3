package dev.cairn.agent.hook;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the last {@code limit} bytes written to it (the end of a hook's output is where its
 * errors are) and counts what it dropped. Thread-safe: stdout and stderr may share one.
 */
public final class BoundedOutput extends OutputStream {

  /** Default bytes of output kept per step. */
  public static final int DEFAULT_LIMIT = 16 * 1024;

  private final byte[] ring;
  private long written;

  public BoundedOutput(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    ring = new byte[limit];
  }

  @Override
  public synchronized void write(int b) {
    ring[(int) (written % ring.length)] = (byte) b;
    written++;
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    for (int i = 0; i < len; i++) {
      ring[(int) ((written + i) % ring.length)] = b[off + i];
    }
    written += len;
  }

  /** Bytes written in all. */
  public synchronized long written() {
    return written;
  }

  /** Bytes written but no longer kept. */
  public synchronized long dropped() {
    return Math.max(0, written - ring.length);
  }

  /** The kept bytes as UTF-8 text (a character cut at the start becomes U+FFFD). */
  public synchronized String text() {
    int kept = (int) Math.min(written, ring.length);
    byte[] out = new byte[kept];
    long start = written - kept;
    for (int i = 0; i < kept; i++) {
      out[i] = ring[(int) ((start + i) % ring.length)];
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}

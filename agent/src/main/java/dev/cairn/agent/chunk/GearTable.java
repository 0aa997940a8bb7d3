package dev.cairn.agent.chunk;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** FastCDC's gear table: {@code gear[i]} = first 8 bytes (big-endian) of SHA-256(seed || i). Immutable. */
public final class GearTable {

  private final long[] gear = new long[256];

  public GearTable(byte[] seed) {
    try {
      for (int i = 0; i < 256; i++) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(seed);
        sha.update((byte) i);
        gear[i] = ByteBuffer.wrap(sha.digest()).getLong();
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    }
  }

  long[] values() {
    return gear;
  }
}

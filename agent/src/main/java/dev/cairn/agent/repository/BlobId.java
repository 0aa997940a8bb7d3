package dev.cairn.agent.repository;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/** A 32-byte id: a blob's keyed hash, or a random object name. Immutable. */
public final class BlobId implements Comparable<BlobId> {

  public static final int LENGTH = 32;
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;
  private final int hash;

  private BlobId(byte[] bytes) {
    this.bytes = bytes;
    this.hash = (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
  }

  /** Wraps a copy of 32 bytes. */
  public static BlobId of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("an id has 32 bytes, not " + bytes.length);
    }
    return new BlobId(bytes.clone());
  }

  /** Takes ownership of 32 bytes (no copy): for hot paths that made a fresh array. */
  static BlobId wrap(byte[] bytes) {
    return new BlobId(bytes);
  }

  /** The id of four big-endian words (the compact index's columns). */
  static BlobId fromWords(long[] words) {
    byte[] bytes = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      bytes[i] = (byte) (words[i >> 3] >>> (56 - 8 * (i & 7)));
    }
    return new BlobId(bytes);
  }

  /** Word {@code i} (0-3) of the id, big-endian. */
  long word(int i) {
    long word = 0;
    for (int b = 8 * i; b < 8 * i + 8; b++) {
      word = word << 8 | (bytes[b] & 0xff);
    }
    return word;
  }

  /** Writes the four words to {@code target[at, at+4)}. */
  void copyWords(long[] target, int at) {
    for (int i = 0; i < LENGTH / Long.BYTES; i++) {
      target[at + i] = word(i);
    }
  }

  /** Whether {@code words[at, at+4)} are this id's words. */
  boolean equalsWords(long[] words, int at) {
    for (int i = 0; i < LENGTH / Long.BYTES; i++) {
      if (words[at + i] != word(i)) {
        return false;
      }
    }
    return true;
  }

  /** Reads 32 bytes from the buffer. */
  public static BlobId read(ByteBuffer buffer) {
    byte[] bytes = new byte[LENGTH];
    buffer.get(bytes);
    return new BlobId(bytes);
  }

  /** Parses 64 hex digits. */
  @JsonCreator
  public static BlobId fromHex(String hex) {
    if (hex == null || hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("an id is 64 hex digits: '" + hex + "'");
    }
    return new BlobId(HEX.parseHex(hex));
  }

  /** A fresh random id (object names). */
  public static BlobId random() {
    byte[] bytes = new byte[LENGTH];
    Randomness.SECURE.nextBytes(bytes);
    return new BlobId(bytes);
  }

  public void write(ByteBuffer buffer) {
    buffer.put(bytes);
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  void copyTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, LENGTH);
  }

  @JsonValue
  public String hex() {
    return HEX.formatHex(bytes);
  }

  /** The first 8 hex digits, as shown to people. */
  public String shortHex() {
    return hex().substring(0, 8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BlobId id && hash == id.hash && Arrays.equals(bytes, id.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(BlobId other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}

package dev.cairn.agent.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Deterministic pseudo-random test data, streamed to files and hashed without buffering. */
final class RandomBytes {
  private RandomBytes() {}

  static byte[] of(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** Writes {@code size} pseudo-random bytes to {@code file} in blocks; returns their SHA-256. */
  static String writeFile(Path file, long size, long seed) throws IOException {
    Random random = new Random(seed);
    MessageDigest digest = sha256Digest();
    byte[] block = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; ) {
        random.nextBytes(block);
        int n = (int) Math.min(block.length, size - written);
        out.write(block, 0, n);
        digest.update(block, 0, n);
        written += n;
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The hex SHA-256 of everything left in {@code in}. */
  static String sha256(InputStream in) throws IOException {
    MessageDigest digest = sha256Digest();
    byte[] buffer = new byte[1 << 16];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static byte[] readRange(Path file, long offset, int length) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(offset);
      return in.readNBytes(length);
    }
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.cairn.agent.crypto;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * scrypt parameters of one key file (RFC 7914). Memory is 128 · N · r bytes: the default
 * N = 2^15, r = 8, p = 1 takes 32 MiB. Immutable.
 */
public record KdfParams(
    String name, @JsonProperty("N") int n, @JsonProperty("r") int r, @JsonProperty("p") int p, byte[] salt) {

  /** The defaults for new keys. */
  public static KdfParams defaults() {
    return scrypt(1 << 15, 8, 1);
  }

  /** scrypt with a fresh random salt. */
  public static KdfParams scrypt(int n, int r, int p) {
    byte[] salt = new byte[32];
    new java.security.SecureRandom().nextBytes(salt);
    return new KdfParams("scrypt", n, r, p, salt);
  }

  public KdfParams {
    if (!"scrypt".equals(name)) {
      throw new IllegalArgumentException("unknown KDF '" + name + "'");
    }
    if (n < 2 || Integer.bitCount(n) != 1 || r < 1 || p < 1 || salt == null || salt.length < 16) {
      throw new IllegalArgumentException("invalid scrypt parameters N=" + n + " r=" + r + " p=" + p);
    }
  }
}

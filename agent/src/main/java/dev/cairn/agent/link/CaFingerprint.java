package dev.cairn.agent.link;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 fingerprint of the controller's CA certificate (DER), written {@code sha256:<hex>}:
 * what the operator gives the agent with its enrollment token so it can trust the controller
 * before it has the CA certificate. Immutable.
 */
public record CaFingerprint(byte[] sha256) {

  private static final String PREFIX = "sha256:";

  public CaFingerprint {
    if (sha256.length != 32) {
      throw new IllegalArgumentException("a SHA-256 fingerprint has 32 bytes, not " + sha256.length);
    }
    sha256 = sha256.clone();
  }

  /**
   * Parses {@code sha256:<64 hex digits>} (colons between bytes and upper case are accepted).
   *
   * @throws IllegalArgumentException with a message saying what a fingerprint looks like
   */
  public static CaFingerprint parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (!value.startsWith(PREFIX)) {
      throw new IllegalArgumentException("CA fingerprint '" + text + "' must start with 'sha256:' followed by 64"
          + " hex digits, as printed with the enrollment token");
    }
    String hex = value.substring(PREFIX.length()).replace(":", "");
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("CA fingerprint '" + text + "' must be 'sha256:' followed by 64 hex"
          + " digits, as printed with the enrollment token");
    }
    return new CaFingerprint(HexFormat.of().parseHex(hex));
  }

  /** The fingerprint of {@code certificate}. */
  public static CaFingerprint of(X509Certificate certificate) {
    try {
      return new CaFingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint a certificate", e);
    }
  }

  /** Whether {@code certificate} has this fingerprint. */
  public boolean matches(X509Certificate certificate) {
    return MessageDigest.isEqual(sha256, of(certificate).sha256);
  }

  @Override
  public byte[] sha256() {
    return sha256.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CaFingerprint that && MessageDigest.isEqual(sha256, that.sha256);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(sha256);
  }

  @Override
  public String toString() {
    return PREFIX + HexFormat.of().formatHex(sha256);
  }
}

package dev.cairn.agent.image.oci;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A SHA-256 content digest, written {@code sha256:<64 hex digits>}; immutable. */
public record Digest(String hex) implements Comparable<Digest> {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public Digest {
    if (hex == null || !HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a sha256 hex digest: " + hex);
    }
  }

  /** Parses {@code sha256:<hex>}; other algorithms are rejected. */
  @JsonCreator
  public static Digest parse(String text) {
    if (text == null || !text.startsWith("sha256:")) {
      throw new IllegalArgumentException(
          "unsupported digest '" + text + "': only sha256:<64 hex digits> is supported");
    }
    return new Digest(text.substring("sha256:".length()));
  }

  /** Whether {@code hex} is 64 lower-case hex digits. */
  public static boolean isHex(String hex) {
    return HEX.matcher(hex).matches();
  }

  public static Digest of(MessageDigest finished) {
    return new Digest(HexFormat.of().formatHex(finished.digest()));
  }

  public static Digest of(byte[] content) {
    MessageDigest sha = newSha256();
    sha.update(content);
    return of(sha);
  }

  public static Digest of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** The first 12 hex digits, as {@code docker images} shows them. */
  public String shortHex() {
    return hex.substring(0, 12);
  }

  @JsonValue
  @Override
  public String toString() {
    return "sha256:" + hex;
  }

  @Override
  public int compareTo(Digest other) {
    return hex.compareTo(other.hex);
  }
}

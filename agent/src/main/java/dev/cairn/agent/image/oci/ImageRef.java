package dev.cairn.agent.image.oci;

import java.util.regex.Pattern;

/**
 * An image reference {@code name:tag} as the cache and the engine know it (no digest form). The
 * repository name may carry a registry host with a port ({@code 127.0.0.1:5000/app}).
 */
public record ImageRef(String repository, String tag) {

  private static final Pattern REPOSITORY =
      Pattern.compile("([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-][a-z0-9]+|__)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  public ImageRef {
    if (repository == null || !REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException(
          "invalid image name '" + repository + "': use lower-case letters, digits, '.', '-', '_' and '/'");
    }
    if (tag == null || !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException(
          "invalid tag '" + tag + "': use letters, digits, '_', '.' and '-' (at most 128)");
    }
  }

  /** Parses {@code name:tag}; a missing tag is an error (the cache never guesses "latest"). */
  public static ImageRef parse(String text) {
    int slash = text.lastIndexOf('/');
    int colon = text.lastIndexOf(':');
    if (colon <= slash) {
      throw new IllegalArgumentException("'" + text + "' has no tag: write NAME:TAG, e.g. app:1.4");
    }
    return new ImageRef(text.substring(0, colon), text.substring(colon + 1));
  }

  /** Whether {@code text} parses as {@code name:tag}. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public ImageRef withTag(String otherTag) {
    return new ImageRef(repository, otherTag);
  }

  @Override
  public String toString() {
    return repository + ":" + tag;
  }
}

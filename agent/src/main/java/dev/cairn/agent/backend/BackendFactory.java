package dev.cairn.agent.backend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns a repository URL into a backend. {@code local:/path} or a plain path opens a
 * {@link LocalDirBackend}; other schemes ({@code s3:}) are added here as their backends arrive.
 */
public final class BackendFactory {

  private BackendFactory() {}

  /** The scheme of a repository URL: {@code local} for plain paths. */
  public static String scheme(String url) {
    int colon = url.indexOf(':');
    if (colon <= 1 || url.substring(0, colon).contains("/")) {
      return "local"; // a path (a one-letter "scheme" would be a drive letter elsewhere)
    }
    return url.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  /** Opens the backend named by {@code url}; creates nothing (an absent repository stays absent). */
  public static OpenedBackend open(String url) throws IOException {
    return open(url, false);
  }

  /** Opens the backend named by {@code url}, creating its directory or bucket prefix when missing. */
  public static OpenedBackend create(String url) throws IOException {
    return open(url, true);
  }

  private static OpenedBackend open(String url, boolean create) throws IOException {
    String scheme = scheme(url);
    switch (scheme) {
      case "local":
        String path = url.startsWith("local:") ? url.substring("local:".length()) : url;
        if (path.isBlank()) {
          throw new IllegalArgumentException("repository URL '" + url + "' names no directory");
        }
        LocalDirBackend local = LocalDirBackend.open(Path.of(path), create);
        return new OpenedBackend(local, local.stagingDirectory());
      default:
        throw new IllegalArgumentException(
            "unsupported repository URL scheme '" + scheme + ":' in '" + url
                + "': use a local directory path (local:/path or /path)");
    }
  }
}

package dev.cairn.agent.backend;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a repository lives, parsed from the {@code --repo} argument (restic's notation). Immutable.
 *
 * <ul>
 *   <li>{@code /srv/backups/repo}, {@code ./repo} or {@code local:/srv/backups/repo} — a local
 *       directory ({@link Local}).
 *   <li>{@code s3:http://127.0.0.1:9000/bucket/some/prefix} — an S3-compatible server (MinIO,
 *       s3proxy, Ceph) at that endpoint; path-style addressing ({@link S3#pathStyle()} is true for
 *       every endpoint that is not {@code *.amazonaws.com}).
 *   <li>{@code s3:https://minio.example:9000/bucket} — the same over TLS.
 *   <li>{@code s3:s3.eu-central-1.amazonaws.com/bucket/prefix} — no scheme means {@code https}.
 * </ul>
 *
 * <p>The prefix may be empty; objects then live at the bucket's top level. Credentials never appear
 * in a location: {@link S3Settings#fromEnvironment} reads them from the environment.
 *
 * <p>Typical use by a command: {@code switch} on the parsed value, create a {@code LocalDirBackend}
 * for {@link Local}, or {@code S3Backend.create(S3Settings.fromEnvironment(s3, System.getenv()))}
 * for {@link S3}, then wrap it with {@link RetryingBackend#standard(Backend)}.
 */
public sealed interface BackendLocation {

  /** The location in its canonical written form (no credentials). */
  String display();

  /** A repository in a local directory. */
  record Local(Path path) implements BackendLocation {
    @Override
    public String display() {
      return "local:" + path;
    }
  }

  /**
   * A repository in an S3 bucket under {@code prefix} (no leading or trailing slash; may be empty).
   */
  record S3(URI endpoint, String bucket, String prefix, boolean pathStyle)
      implements BackendLocation {
    @Override
    public String display() {
      return "s3:" + endpoint + "/" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }
  }

  /**
   * Parses a {@code --repo} argument.
   *
   * @throws BackendConfigException if the text is empty, has an unknown scheme or a malformed S3 part
   */
  static BackendLocation parse(String text) throws BackendConfigException {
    if (text == null || text.isBlank()) {
      throw new BackendConfigException(
          "repository location is empty; give a directory (e.g. /srv/cairn/repo) or "
              + "s3:http://HOST:PORT/BUCKET/PREFIX");
    }
    String trimmed = text.strip();
    if (trimmed.startsWith("local:")) {
      String path = trimmed.substring("local:".length());
      if (path.isEmpty()) {
        throw new BackendConfigException("'local:' needs a directory, e.g. local:/srv/cairn/repo");
      }
      return new Local(Path.of(path));
    }
    if (trimmed.startsWith("s3:")) {
      return parseS3(trimmed, trimmed.substring("s3:".length()));
    }
    int colon = trimmed.indexOf(':');
    int slash = trimmed.indexOf('/');
    boolean looksLikeScheme = colon > 0 && (slash < 0 || colon < slash)
        && trimmed.substring(0, colon).matches("[a-z0-9+.-]{2,}");
    if (looksLikeScheme) {
      throw new BackendConfigException(
          "unknown repository scheme '" + trimmed.substring(0, colon) + "' in '" + trimmed
              + "'; use a directory, local:DIR or s3:http(s)://HOST[:PORT]/BUCKET[/PREFIX]");
    }
    return new Local(Path.of(trimmed));
  }

  private static S3 parseS3(String original, String rest) throws BackendConfigException {
    String withScheme = rest.contains("://") ? rest : "https://" + rest;
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      throw s3Error(original, e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw s3Error(original, "the endpoint scheme must be http or https, not '" + scheme + "'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw s3Error(original, "no host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw s3Error(original, "no user, query or fragment allowed (credentials come from "
          + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String stripped = path.replaceAll("^/+", "").replaceAll("/+$", "");
    if (stripped.isEmpty()) {
      throw s3Error(original, "no bucket");
    }
    int slash = stripped.indexOf('/');
    String bucket = slash < 0 ? stripped : stripped.substring(0, slash);
    String prefix = slash < 0 ? "" : stripped.substring(slash + 1);
    if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw s3Error(original, "'" + bucket + "' is not a valid bucket name (3-63 characters: "
          + "lower-case letters, digits, '.' and '-')");
    }
    if (prefix.contains("//")) {
      throw s3Error(original, "the prefix '" + prefix + "' contains an empty path segment");
    }
    URI endpoint = URI.create(scheme + "://" + uri.getRawAuthority());
    boolean pathStyle = !uri.getHost().toLowerCase(Locale.ROOT).endsWith(".amazonaws.com");
    return new S3(endpoint, bucket, prefix, pathStyle);
  }

  private static BackendConfigException s3Error(String original, String problem) {
    return new BackendConfigException(
        "cannot read S3 location '" + original + "': " + problem
            + "; write s3:http(s)://HOST[:PORT]/BUCKET[/PREFIX], e.g. "
            + "s3:http://127.0.0.1:9000/backups/node1");
  }
}

package dev.cairn.agent.backend;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link S3Backend} needs to reach a bucket. Immutable; {@link #toString()} hides the
 * secret.
 *
 * @param endpoint the server, e.g. {@code http://127.0.0.1:9000}
 * @param region the signing region; S3-compatible servers accept any, {@code us-east-1} by default
 * @param bucket the bucket
 * @param prefix key prefix inside the bucket, without leading or trailing slash; may be empty
 * @param pathStyle {@code true} for {@code http://host/bucket/key} addressing (MinIO, s3proxy)
 * @param accessKeyId access key
 * @param secretAccessKey secret key
 * @param sessionToken temporary-credential session token, or {@code null}
 * @param partSize bytes per multipart part; objects larger than this use a multipart upload
 * @param listPageSize keys per list request (S3 caps it at 1000)
 */
public record S3Settings(
    URI endpoint,
    String region,
    String bucket,
    String prefix,
    boolean pathStyle,
    String accessKeyId,
    String secretAccessKey,
    String sessionToken,
    long partSize,
    int listPageSize) {

  /** S3's smallest allowed part (all but the last part of a multipart upload). */
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  /** Default part size: packs of tens of MiB go up in a few parts. */
  public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;

  public static final int DEFAULT_LIST_PAGE_SIZE = 1000;

  public S3Settings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    if (prefix.startsWith("/") || prefix.endsWith("/")) {
      throw new IllegalArgumentException("prefix must not start or end with '/': " + prefix);
    }
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException(
          "partSize " + partSize + " is below S3's minimum part size " + MIN_PART_SIZE);
    }
    if (listPageSize < 1 || listPageSize > 1000) {
      throw new IllegalArgumentException("listPageSize must be 1..1000, not " + listPageSize);
    }
  }

  /**
   * Settings for a parsed location, with credentials and options from the environment.
   *
   * <p>Reads {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} (both required), {@code
   * AWS_SESSION_TOKEN}, {@code AWS_DEFAULT_REGION} or {@code AWS_REGION} (default {@code
   * us-east-1}) and {@code CAIRN_S3_PATH_STYLE} ({@code true}/{@code false}, overrides the
   * location's default).
   *
   * @throws BackendConfigException if credentials are missing or an option is malformed
   */
  public static S3Settings fromEnvironment(BackendLocation.S3 location, Map<String, String> env)
      throws BackendConfigException {
    String accessKey = nonBlank(env.get("AWS_ACCESS_KEY_ID"));
    String secretKey = nonBlank(env.get("AWS_SECRET_ACCESS_KEY"));
    if (accessKey == null || secretKey == null) {
      throw new BackendConfigException(
          "S3 credentials missing for " + location.display()
              + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (for MinIO or s3proxy, the "
              + "server's access key and secret key)");
    }
    String region = nonBlank(env.get("AWS_DEFAULT_REGION"));
    if (region == null) {
      region = nonBlank(env.get("AWS_REGION"));
    }
    boolean pathStyle = location.pathStyle();
    String pathStyleOption = nonBlank(env.get("CAIRN_S3_PATH_STYLE"));
    if (pathStyleOption != null) {
      switch (pathStyleOption.toLowerCase(Locale.ROOT)) {
        case "true" -> pathStyle = true;
        case "false" -> pathStyle = false;
        default -> throw new BackendConfigException(
            "CAIRN_S3_PATH_STYLE must be true or false, not '" + pathStyleOption + "'");
      }
    }
    return new S3Settings(
        location.endpoint(),
        region == null ? "us-east-1" : region,
        location.bucket(),
        location.prefix(),
        pathStyle,
        accessKey,
        secretKey,
        nonBlank(env.get("AWS_SESSION_TOKEN")),
        DEFAULT_PART_SIZE,
        DEFAULT_LIST_PAGE_SIZE);
  }

  /** A copy with another part size (tests and benchmarks use S3's minimum). */
  public S3Settings withPartSize(long bytes) {
    return new S3Settings(endpoint, region, bucket, prefix, pathStyle, accessKeyId,
        secretAccessKey, sessionToken, bytes, listPageSize);
  }

  /** A copy with another list page size (tests use a small one to exercise pagination). */
  public S3Settings withListPageSize(int keys) {
    return new S3Settings(endpoint, region, bucket, prefix, pathStyle, accessKeyId,
        secretAccessKey, sessionToken, partSize, keys);
  }

  /** A copy with another key prefix. */
  public S3Settings withPrefix(String newPrefix) {
    return new S3Settings(endpoint, region, bucket, newPrefix, pathStyle, accessKeyId,
        secretAccessKey, sessionToken, partSize, listPageSize);
  }

  /** A copy with other credentials. */
  public S3Settings withCredentials(String newAccessKeyId, String newSecretAccessKey) {
    return new S3Settings(endpoint, region, bucket, prefix, pathStyle, newAccessKeyId,
        newSecretAccessKey, null, partSize, listPageSize);
  }

  /** The location these settings point at, in {@link BackendLocation} notation. */
  public String display() {
    return new BackendLocation.S3(endpoint, bucket, prefix, pathStyle).display();
  }

  @Override
  public String toString() {
    return "S3Settings[" + display() + ", region=" + region + ", pathStyle=" + pathStyle
        + ", accessKeyId=" + accessKeyId + ", partSize=" + partSize + "]";
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

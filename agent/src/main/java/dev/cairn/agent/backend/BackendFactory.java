package dev.cairn.agent.backend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the backend a repository location names ({@link BackendLocation}): a {@link
 * LocalDirBackend} for a directory, or an {@link S3Backend} wrapped in the standard retrying and
 * logging decorators for {@code s3:} with its credentials from the environment ({@link
 * S3Settings#fromEnvironment}) and a {@link TemporaryStaging} directory for its packs.
 */
public final class BackendFactory {

  private BackendFactory() {}

  /** Opens the backend named by {@code location}; creates nothing (an absent repository stays absent). */
  public static OpenedBackend open(String location) throws IOException, BackendConfigException {
    return open(location, System.getenv(), null, false);
  }

  /** Opens the backend named by {@code location}, creating its directory or S3 bucket when missing. */
  public static OpenedBackend create(String location) throws IOException, BackendConfigException {
    return open(location, System.getenv(), null, true);
  }

  /**
   * Opens (with {@code create}: creating the directory or bucket) the backend named by {@code
   * location}, with S3 settings from {@code env}; a remote backend stages its packs in a private
   * directory under {@code stagingParent} (null: {@link TemporaryStaging#defaultParent}), e.g. the
   * agent's cache directory.
   */
  public static OpenedBackend open(String location, Map<String, String> env, Path stagingParent, boolean create)
      throws IOException, BackendConfigException {
    BackendLocation parsed = BackendLocation.parse(location);
    if (parsed instanceof BackendLocation.Local local) {
      LocalDirBackend backend = LocalDirBackend.open(local.path(), create);
      return new OpenedBackend(backend, backend.stagingDirectory());
    }
    BackendLocation.S3 s3 = (BackendLocation.S3) parsed;
    S3Backend raw = S3Backend.create(S3Settings.fromEnvironment(s3, env));
    try {
      if (create) {
        raw.createBucketIfMissing();
      }
      Path staging = TemporaryStaging.create(stagingParent != null ? stagingParent : TemporaryStaging.defaultParent(env));
      return new OpenedBackend(RetryingBackend.standard(raw), staging, true);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }
}

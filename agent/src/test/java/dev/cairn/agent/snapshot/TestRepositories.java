package dev.cairn.agent.snapshot;

import dev.cairn.agent.backend.BackendFactory;
import dev.cairn.agent.crypto.KdfParams;
import dev.cairn.agent.crypto.KeyRing;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Creates and opens real repositories in temp directories for tests (scrypt kept cheap: N = 2^10). */
public final class TestRepositories {

  public static final byte[] PASSWORD = "correct horse".getBytes(StandardCharsets.UTF_8);

  private TestRepositories() {}

  public static Repository create(Path dir) throws Exception {
    return create(dir, RepositoryConfig.DEFAULT_PACK_SIZE);
  }

  public static Repository create(Path dir, int packSize) throws Exception {
    return KeyRing.initRepository(BackendFactory.create(dir.toString()), PASSWORD, KdfParams.scrypt(1 << 10, 8, 1),
        packSize);
  }

  public static Repository open(Path dir) throws Exception {
    return KeyRing.openRepository(BackendFactory.open(dir.toString()), PASSWORD);
  }

  /** A snapshot of {@code source} into {@code repo}, as volume "v" of host "h". */
  public static SnapshotResult snapshot(Repository repo, Path source) throws Exception {
    return new SnapshotPipeline(repo, SnapshotOptions.of("v", java.util.List.of(), "h"), SnapshotProgress.NONE)
        .run(source);
  }
}

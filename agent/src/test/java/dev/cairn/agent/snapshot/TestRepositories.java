package dev.cairn.agent.snapshot;

import dev.cairn.agent.backend.BackendFactory;
import dev.cairn.agent.backend.OpenedBackend;
import dev.cairn.agent.crypto.KdfParams;
import dev.cairn.agent.crypto.KeyRing;
import dev.cairn.agent.crypto.MasterKey;
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
    OpenedBackend opened = BackendFactory.create(dir.toString());
    MasterKey key = MasterKey.generate();
    KeyRing.add(opened.backend(), key, PASSWORD, KdfParams.scrypt(1 << 10, 8, 1));
    return Repository.init(opened.backend(), opened.stagingDirectory(), key, RepositoryConfig.create(packSize));
  }

  public static Repository open(Path dir) throws Exception {
    OpenedBackend opened = BackendFactory.open(dir.toString());
    return Repository.open(opened.backend(), opened.stagingDirectory(),
        KeyRing.unlock(opened.backend(), PASSWORD).key());
  }
}

package dev.cairn.agent.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.backend.Content;
import dev.cairn.agent.backend.FileType;
import dev.cairn.agent.backend.Handle;
import dev.cairn.agent.backend.LocalDirBackend;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryLockTest {

  @TempDir Path tmp;

  @Test
  void acquire_sharedWithShared_coexist_exclusiveIsRefused() throws Exception {
    LocalDirBackend backend = LocalDirBackend.open(tmp, true);
    try (RepositoryLock a = RepositoryLock.acquire(backend, false, "snapshot a");
        RepositoryLock b = RepositoryLock.acquire(backend, false, "snapshot b")) {
      assertThatThrownBy(() -> RepositoryLock.acquire(backend, true, "prune"))
          .isInstanceOf(RepositoryLockedException.class).hasMessageContaining("snapshot");
      assertThat(backend.list(FileType.LOCK)).hasSize(2);
    }
    try (RepositoryLock prune = RepositoryLock.acquire(backend, true, "prune")) {
      assertThatThrownBy(() -> RepositoryLock.acquire(backend, false, "snapshot"))
          .isInstanceOf(RepositoryLockedException.class).hasMessageContaining("exclusive");
    }
    assertThat(backend.list(FileType.LOCK)).isEmpty();
  }

  @Test
  void acquire_staleLocks_areIgnoredAndRemoved() throws Exception {
    LocalDirBackend backend = LocalDirBackend.open(tmp, true);
    String now = Instant.now().toString();
    String old = Instant.now().minusSeconds(3600).toString();
    LockInfo deadProcess = new LockInfo(1, HostName.get(), Long.MAX_VALUE - 1, true, "prune", now, now);
    LockInfo tooOld = new LockInfo(1, "other-host", 1, true, "prune", old, old);
    backend.save(new Handle(FileType.LOCK, BlobId.random().hex()), new Content.OfBytes(JsonCodec.encode(deadProcess)));
    backend.save(new Handle(FileType.LOCK, BlobId.random().hex()), new Content.OfBytes(JsonCodec.encode(tooOld)));

    try (RepositoryLock lock = RepositoryLock.acquire(backend, true, "prune")) {
      assertThat(backend.list(FileType.LOCK)).hasSize(1);
    }
  }
}

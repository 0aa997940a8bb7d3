package dev.cairn.agent.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.backend.Content;
import dev.cairn.agent.backend.FileType;
import dev.cairn.agent.backend.Handle;
import dev.cairn.agent.backend.LocalDirBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
    LockInfo deadProcess = new LockInfo(1, HostName.get(), Long.MAX_VALUE - 1, true, "prune", now, now, null, null);
    LockInfo tooOld = new LockInfo(1, "other-host", 1, true, "prune", old, old, null, null);
    backend.save(new Handle(FileType.LOCK, BlobId.random().hex()), new Content.OfBytes(JsonCodec.encode(deadProcess)));
    backend.save(new Handle(FileType.LOCK, BlobId.random().hex()), new Content.OfBytes(JsonCodec.encode(tooOld)));

    try (RepositoryLock lock = RepositoryLock.acquire(backend, true, "prune")) {
      assertThat(backend.list(FileType.LOCK)).hasSize(1);
    }
  }

  @Test
  void ensureHeld_lockFileRemovedByAnotherProcess_failsAndTheRefreshDoesNotWriteItBack() throws Exception {
    LocalDirBackend backend = LocalDirBackend.open(tmp, true);
    try (RepositoryLock lock = RepositoryLock.acquire(backend, false, "snapshot pgdata")) {
      lock.ensureHeld();
      backend.remove(backend.list(FileType.LOCK).get(0).handle()); // what a process that took it for stale does

      lock.refresh();

      assertThat(backend.list(FileType.LOCK)).as("not written back").isEmpty();
      assertThatThrownBy(lock::ensureHeld).isInstanceOf(RepositoryLockLostException.class)
          .hasMessageContaining("snapshot pgdata").hasMessageContaining("removed by another process");
      assertThatThrownBy(() -> lock.ensureHeldAfterSaving("snapshot 1234abcd"))
          .hasMessageContaining("snapshot 1234abcd was saved").hasMessageContaining("cairn verify");
    }
  }

  @Test
  void acquire_writesWhatIdentifiesThisProcess() throws Exception {
    LocalDirBackend backend = LocalDirBackend.open(tmp, true);
    try (RepositoryLock lock = RepositoryLock.acquire(backend, true, "prune")) {
      LockInfo written = RepositoryLock.read(backend, backend.list(FileType.LOCK).get(0).handle());
      assertThat(written.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(Instant.parse(written.processStarted()))
          .isEqualTo(ProcessHandle.current().info().startInstant().orElseThrow());
      assertThat(written.pidNamespace()).startsWith("pid:[");
    }
  }

  // isStale: the real process table, and this process as the live holder

  private static final Instant NOW = Instant.now();
  private static final String STARTED = ProcessHandle.current().info().startInstant().orElseThrow().toString();
  private static final long ME = ProcessHandle.current().pid();
  private static final long NOBODY = Long.MAX_VALUE - 1;

  private static LockInfo lock(long pid, Duration sinceRefresh, String started, String namespace) {
    String refreshed = NOW.minus(sinceRefresh).toString();
    return new LockInfo(1, HostName.get(), pid, true, "prune", refreshed, refreshed, started, namespace);
  }

  @Test
  void isStale_liveHolderOnThisHost_isNotStaleHoweverLongAgoItWasRefreshed() {
    assertThat(lock(ME, Duration.ofHours(5), STARTED, LocalProcesses.CURRENT_NAMESPACE).isStale(NOW, HostName.get()))
        .isFalse();
  }

  @Test
  void isStale_pidNowBelongsToANewerProcess_isStale() {
    String earlier = Instant.parse(STARTED).minusSeconds(3600).toString();
    assertThat(lock(ME, Duration.ZERO, earlier, LocalProcesses.CURRENT_NAMESPACE).isStale(NOW, HostName.get()))
        .isTrue();
  }

  @Test
  void isStale_holderGoneInThisPidNamespace_isStaleAtOnce() {
    assertThat(lock(NOBODY, Duration.ZERO, STARTED, LocalProcesses.CURRENT_NAMESPACE).isStale(NOW, HostName.get()))
        .isTrue();
  }

  @Test
  void isStale_holderInAnotherPidNamespace_onlyAgeDecides() {
    assertThat(lock(NOBODY, Duration.ofMinutes(5), STARTED, "pid:[1]").isStale(NOW, HostName.get())).isFalse();
    assertThat(lock(NOBODY, Duration.ofMinutes(31), STARTED, "pid:[1]").isStale(NOW, HostName.get())).isTrue();
  }

  @Test
  void isStale_lockWithoutProcessStart_keepsTheOldRules() {
    assertThat(lock(ME, Duration.ofMinutes(5), null, null).isStale(NOW, HostName.get())).isFalse();
    assertThat(lock(ME, Duration.ofMinutes(31), null, null).isStale(NOW, HostName.get())).isTrue();
    assertThat(lock(NOBODY, Duration.ofMinutes(5), null, null).isStale(NOW, HostName.get())).isTrue();
  }

  @Test
  void isStale_otherHost_staleAfterThirtyMinutes() {
    LockInfo recent = new LockInfo(1, "other-host", ME, false, "snapshot", NOW.toString(),
        NOW.minusSeconds(29 * 60).toString(), STARTED, LocalProcesses.CURRENT_NAMESPACE);
    assertThat(recent.isStale(NOW, HostName.get())).isFalse();
    assertThat(recent.isStale(NOW.plusSeconds(120), HostName.get())).isTrue();
  }

  /** Stands in for /proc mounted with hidepid, which a test cannot arrange: no other process is visible. */
  private static final LocalProcesses HIDDEN = new LocalProcesses() {
    @Override
    public Optional<Instant> startOf(long pid) {
      return Optional.empty();
    }

    @Override
    public String pidNamespace() {
      return LocalProcesses.CURRENT_NAMESPACE;
    }

    @Override
    public boolean othersVisible() {
      return false;
    }
  };

  @Test
  void isStale_otherUsersProcessesHidden_onlyAgeDecides() {
    LockInfo recent = lock(NOBODY, Duration.ofMinutes(5), STARTED, LocalProcesses.CURRENT_NAMESPACE);
    assertThat(recent.isStale(NOW, HostName.get(), HIDDEN)).isFalse();
    assertThat(recent.isStale(NOW.plus(Duration.ofMinutes(26)), HostName.get(), HIDDEN)).isTrue();
  }
}

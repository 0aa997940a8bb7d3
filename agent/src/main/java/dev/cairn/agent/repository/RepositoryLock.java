package dev.cairn.agent.repository;

import dev.cairn.agent.backend.Backend;
import dev.cairn.agent.backend.Content;
import dev.cairn.agent.backend.FileInfo;
import dev.cairn.agent.backend.FileType;
import dev.cairn.agent.backend.Handle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A held repository lock: shared locks coexist, an exclusive lock excludes all others; stale
 * locks are ignored and removed. Refreshed in the background until closed. Another process may
 * still take it for stale and remove it (a clock far ahead, a holder that could not refresh for
 * half an hour): the refresh never writes it back then, and {@link #ensureHeld()}, which an
 * operation calls before and after it commits, fails, so the operation reports the loss instead of
 * counting on data a prune may have removed. Thread-safe.
 */
public final class RepositoryLock implements AutoCloseable {

  private static final long REFRESH_MINUTES = 5;
  private static final String REMOVED = "its lock file was removed by another process, which took it for stale";

  private final Backend backend;
  private final Handle handle;
  private volatile LockInfo info;
  private volatile String lost;
  private final ScheduledExecutorService refresher;

  private RepositoryLock(Backend backend, Handle handle, LockInfo info) {
    this.backend = backend;
    this.handle = handle;
    this.info = info;
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "cairn-lock-refresh");
      thread.setDaemon(true);
      return thread;
    });
    refresher.scheduleAtFixedRate(this::refresh, REFRESH_MINUTES, REFRESH_MINUTES, TimeUnit.MINUTES);
  }

  /** Takes a lock or fails at once with {@link RepositoryLockedException} naming the holder. */
  static RepositoryLock acquire(Backend backend, boolean exclusive, String purpose) throws IOException, RepositoryException {
    LockInfo mine = LockInfo.mine(exclusive, purpose, Instant.now());
    Handle handle = new Handle(FileType.LOCK, BlobId.random().hex());
    backend.save(handle, new Content.OfBytes(JsonCodec.encode(mine)));
    try {
      for (FileInfo other : backend.list(FileType.LOCK)) {
        if (other.handle().equals(handle)) {
          continue;
        }
        LockInfo theirs = read(backend, other.handle());
        if (theirs == null) {
          continue;
        }
        if (theirs.isStale(Instant.now(), HostName.get())) {
          backend.remove(other.handle());
        } else if (exclusive || theirs.exclusive()) {
          throw new RepositoryLockedException("repository " + backend.location() + " is held by the "
              + theirs.describe() + "; try again when it is done (a lock whose process died is ignored after "
              + LockInfo.STALE_AFTER.toMinutes() + " minutes, at once on the same host)");
        }
      }
    } catch (IOException | RepositoryException | RuntimeException e) {
      backend.remove(handle);
      throw e;
    }
    return new RepositoryLock(backend, handle, mine);
  }

  /** Reads a lock file; null when it vanished or does not parse (treated as absent). */
  static LockInfo read(Backend backend, Handle handle) throws IOException {
    try (InputStream in = backend.open(handle, 0, -1)) {
      return JsonCodec.decode(in.readAllBytes(), LockInfo.class, handle.toString());
    } catch (NoSuchFileException | CorruptObjectException gone) {
      return null;
    }
  }

  /** Rewrites the lock with a new {@code refreshed} time, unless it was removed meanwhile. */
  void refresh() {
    if (lost != null) {
      return;
    }
    try {
      if (!backend.exists(handle)) {
        lost = REMOVED;
        return;
      }
      LockInfo refreshed = info.refreshedAt(Instant.now());
      backend.save(handle, new Content.OfBytes(JsonCodec.encode(refreshed)));
      info = refreshed;
    } catch (IOException e) {
      // the next refresh tries again; ensureHeld() fails once the lock may look stale to others
    }
  }

  /**
   * Fails with {@link RepositoryLockLostException} when this lock may no longer protect the
   * operation: its file is gone, or it was not refreshed for so long that other processes may
   * take it for stale.
   */
  public void ensureHeld() throws IOException, RepositoryLockLostException {
    if (lost == null && !backend.exists(handle)) {
      lost = REMOVED;
    }
    if (lost == null) {
      Instant refreshed = Instant.parse(info.refreshed());
      if (refreshed.plus(LockInfo.STALE_AFTER.minusMinutes(REFRESH_MINUTES)).isBefore(Instant.now())) {
        lost = "it could not be refreshed since " + refreshed + ", so other processes may take it for stale";
      }
    }
    if (lost != null) {
      throw new RepositoryLockLostException("the " + info.describe() + " on " + backend.location()
          + " was lost: " + lost);
    }
  }

  /**
   * {@link #ensureHeld()} after an operation saved {@code saved}: had the lock been lost before
   * that, a prune may have removed data it uses, so the failure says to verify it.
   */
  public void ensureHeldAfterSaving(String saved) throws IOException, RepositoryLockLostException {
    try {
      ensureHeld();
    } catch (RepositoryLockLostException e) {
      throw new RepositoryLockLostException(e.getMessage() + "; " + saved + " was saved before this was noticed "
          + "and may use data a prune removed: run 'cairn verify', and take it again if it is damaged");
    }
  }

  public LockInfo info() {
    return info;
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    backend.remove(handle);
  }
}

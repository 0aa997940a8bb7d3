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
 * locks are ignored and removed. Refreshed in the background until closed. Thread-safe.
 */
public final class RepositoryLock implements AutoCloseable {

  private static final long REFRESH_MINUTES = 5;

  private final Backend backend;
  private final Handle handle;
  private volatile LockInfo info;
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
    String now = Instant.now().toString();
    LockInfo mine = new LockInfo(1, HostName.get(), ProcessHandle.current().pid(), exclusive, purpose, now, now);
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

  private void refresh() {
    try {
      info = info.refreshedAt(Instant.now());
      backend.save(handle, new Content.OfBytes(JsonCodec.encode(info)));
    } catch (IOException e) {
      // the next refresh tries again; a lock 30 minutes unrefreshed becomes stale by design
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

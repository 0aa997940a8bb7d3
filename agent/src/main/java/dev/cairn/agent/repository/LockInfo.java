package dev.cairn.agent.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The content of a lock file (docs/repository-format.md §10). Immutable. {@code processStarted}
 * and {@code pidNamespace} identify the holding process on its host beyond its pid; locks written
 * before they existed have them null.
 */
public record LockInfo(
    int version, String host, long pid, boolean exclusive, String purpose, String created, String refreshed,
    String processStarted, String pidNamespace) {

  /** A lock not refreshed for this long is stale (unless its process is known to be alive). */
  public static final Duration STALE_AFTER = Duration.ofMinutes(30);

  /** Two readings of one process's start time differ by less than this (clock ticks, rounding). */
  private static final Duration SAME_START = Duration.ofSeconds(1);

  /** The lock this process writes now. */
  static LockInfo mine(boolean exclusive, String purpose, Instant now) {
    ProcessHandle self = ProcessHandle.current();
    String started = self.info().startInstant().map(Instant::toString).orElse(null);
    return new LockInfo(1, HostName.get(), self.pid(), exclusive, purpose, now.toString(), now.toString(),
        started, LocalProcesses.CURRENT_NAMESPACE);
  }

  /** Whether the lock no longer protects anything (see {@link #isStale(Instant, String, LocalProcesses)}). */
  public boolean isStale(Instant now, String thisHost) {
    return isStale(now, thisHost, LocalProcesses.SYSTEM);
  }

  /**
   * Whether the lock no longer protects anything. A lock of another host is stale when it was not
   * refreshed for {@link #STALE_AFTER}. On this host the process table decides where it can: the
   * lock is live while its process runs (however long ago it was refreshed: a suspended or stalled
   * holder still owns it) and stale once that process is gone or its pid belongs to a newer
   * process. Where the table cannot tell (the holder is in another PID namespace, other users'
   * processes are hidden, or the lock predates the start-time field), age decides as for another host.
   */
  boolean isStale(Instant now, String thisHost, LocalProcesses processes) {
    Instant last;
    try {
      last = Instant.parse(refreshed);
    } catch (RuntimeException unparsable) {
      return true;
    }
    boolean old = last.plus(STALE_AFTER).isBefore(now);
    if (!thisHost.equals(host)) {
      return old;
    }
    Optional<Instant> running = processes.startOf(pid);
    Instant started = parseOrNull(processStarted);
    if (started == null) {
      return old || running.isEmpty(); // as before the start time was recorded
    }
    if (running.isPresent()) {
      if (running.get().equals(LocalProcesses.UNKNOWN_START)) {
        return old;
      }
      return Duration.between(started, running.get()).abs().compareTo(SAME_START) >= 0; // pid reused
    }
    boolean sameNamespace = pidNamespace != null && pidNamespace.equals(processes.pidNamespace());
    return sameNamespace && processes.othersVisible() || old;
  }

  private static Instant parseOrNull(String instant) {
    try {
      return instant == null ? null : Instant.parse(instant);
    } catch (RuntimeException unparsable) {
      return null;
    }
  }

  public LockInfo refreshedAt(Instant now) {
    return new LockInfo(version, host, pid, exclusive, purpose, created, now.toString(), processStarted, pidNamespace);
  }

  /** A one-line description for error messages. */
  public String describe() {
    return (exclusive ? "exclusive" : "shared") + " lock '" + purpose + "' of pid " + pid + " on " + host
        + " (created " + created + ", refreshed " + refreshed + ")";
  }
}

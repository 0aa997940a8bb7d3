package dev.cairn.agent.repository;

import java.time.Duration;
import java.time.Instant;

/** The content of a lock file (docs/repository-format.md §10). Immutable. */
public record LockInfo(
    int version, String host, long pid, boolean exclusive, String purpose, String created, String refreshed) {

  /** A lock not refreshed for this long is stale. */
  public static final Duration STALE_AFTER = Duration.ofMinutes(30);

  /** Whether the lock no longer protects anything: too old, or its process on this host is gone. */
  public boolean isStale(Instant now, String thisHost) {
    Instant last;
    try {
      last = Instant.parse(refreshed);
    } catch (RuntimeException unparsable) {
      return true;
    }
    if (last.plus(STALE_AFTER).isBefore(now)) {
      return true;
    }
    return thisHost.equals(host) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  public LockInfo refreshedAt(Instant now) {
    return new LockInfo(version, host, pid, exclusive, purpose, created, now.toString());
  }

  /** A one-line description for error messages. */
  public String describe() {
    return (exclusive ? "exclusive" : "shared") + " lock '" + purpose + "' of pid " + pid + " on " + host
        + " (created " + created + ", refreshed " + refreshed + ")";
  }
}

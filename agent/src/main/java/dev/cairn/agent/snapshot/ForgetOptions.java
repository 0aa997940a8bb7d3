package dev.cairn.agent.snapshot;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How {@link Forgetter} applies a policy: the current time and the time zone of the calendar
 * buckets, which snapshots it considers ({@code host}, {@code volume}: null = all), whether it only
 * reports ({@code dryRun}), whether it may remove every snapshot of a group ({@code
 * allowRemoveAll}, restic's {@code --unsafe-allow-remove-all}) and whether it prunes afterwards.
 * Immutable.
 */
public record ForgetOptions(Instant now, ZoneId zone, String host, String volume, boolean dryRun,
    boolean allowRemoveAll, boolean prune) {

  public ForgetOptions {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(zone, "zone");
  }

  /** Now, in the node's time zone, every snapshot, really removing, refusing to empty a group, no prune. */
  public static ForgetOptions defaults() {
    return new ForgetOptions(Instant.now(), ZoneId.systemDefault(), null, null, false, false, false);
  }

  public ForgetOptions withDryRun(boolean value) {
    return new ForgetOptions(now, zone, host, volume, value, allowRemoveAll, prune);
  }

  public ForgetOptions withPrune(boolean value) {
    return new ForgetOptions(now, zone, host, volume, dryRun, allowRemoveAll, value);
  }

  public ForgetOptions withAllowRemoveAll(boolean value) {
    return new ForgetOptions(now, zone, host, volume, dryRun, value, prune);
  }

  /** Only snapshots of this host and volume (null: any). */
  public ForgetOptions only(String onlyHost, String onlyVolume) {
    return new ForgetOptions(now, zone, onlyHost, onlyVolume, dryRun, allowRemoveAll, prune);
  }

  public ForgetOptions at(Instant time, ZoneId timeZone) {
    return new ForgetOptions(time, timeZone, host, volume, dryRun, allowRemoveAll, prune);
  }

  boolean selects(String snapshotHost, String snapshotVolume) {
    return (host == null || host.equals(snapshotHost)) && (volume == null || volume.equals(snapshotVolume));
  }
}

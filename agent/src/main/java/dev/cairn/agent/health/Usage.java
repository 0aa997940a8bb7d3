package dev.cairn.agent.health;

import java.time.Instant;
import java.util.Optional;

/**
 * What a volume uses and what its filesystem holds: bytes used under it (as of {@code
 * usedMeasuredAt}: directory walks are cached), the filesystem's capacity, free bytes (available to
 * unprivileged users) and use in percent as {@code df} computes it, entries the walk could not read,
 * and whether the volume is its own mount (then used bytes are the filesystem's). {@code error} says
 * why nothing could be measured. Immutable.
 */
record Usage(long usedBytes, Instant usedMeasuredAt, long capacityBytes, long freeBytes, double usedPercent,
    long unreadable, boolean mountPoint, Optional<String> error) {

  static Usage failed(String error, Instant at) {
    return new Usage(0, at, 0, 0, 0, 0, false, Optional.of(error));
  }
}

package dev.cairn.agent.snapshot;

import java.util.List;

/**
 * What to snapshot as: volume name (groups snapshots; the parent is the newest of the same
 * volume and host), tags, host, and the number of sealing threads. Immutable.
 */
public record SnapshotOptions(String volume, List<String> tags, String host, int workers) {

  public SnapshotOptions {
    tags = List.copyOf(tags);
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
  }

  /** One sealing thread per core. */
  public static SnapshotOptions of(String volume, List<String> tags, String host) {
    return new SnapshotOptions(volume, tags, host, Runtime.getRuntime().availableProcessors());
  }
}

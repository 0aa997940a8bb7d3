package dev.cairn.agent.snapshot;

import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.repository.SnapshotSummary;

/** The outcome of a snapshot: the saved record (with its id and summary). Immutable. */
public record SnapshotResult(SnapshotRecord record) {

  public String id() {
    return record.id();
  }

  public SnapshotSummary summary() {
    return record.summary();
  }

  public boolean partial() {
    return record.partial();
  }
}

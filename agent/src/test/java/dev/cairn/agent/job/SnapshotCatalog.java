package dev.cairn.agent.job;

import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.retention.SnapshotRef;
import java.io.IOException;
import java.util.List;

/** Snapshots as {@link RetentionPass} sees them (the schedule simulation's catalogue): listed, and removed by id. */
public interface SnapshotCatalog {

  /** Every snapshot. */
  List<SnapshotRef> list() throws IOException, RepositoryException;

  /** Removes the snapshot records with these ids (their data stays until a prune). */
  void remove(List<String> ids) throws IOException, RepositoryException;
}

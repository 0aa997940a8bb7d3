package dev.cairn.agent.job;

import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.retention.SnapshotRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A {@link SnapshotCatalog} over a repository's snapshot records. Not thread-safe. */
public final class RepositoryCatalog implements SnapshotCatalog {

  private final Repository repository;

  public RepositoryCatalog(Repository repository) {
    this.repository = repository;
  }

  @Override
  public List<SnapshotRef> list() throws IOException, RepositoryException {
    List<SnapshotRef> refs = new ArrayList<>();
    for (SnapshotRecord record : repository.snapshots()) {
      refs.add(new SnapshotRef(record.id(), record.instant(), record.host(), record.volume(), record.tags()));
    }
    return refs;
  }

  @Override
  public void remove(List<String> ids) throws IOException {
    for (String id : ids) {
      repository.removeSnapshot(id);
    }
  }
}

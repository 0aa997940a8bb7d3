package dev.cairn.agent.repository;

import java.time.Instant;
import java.util.List;

/** A snapshot record, {@code snapshots/<id>} (docs/repository-format.md §9). Immutable. */
public record SnapshotRecord(
    int version,
    String id,
    String time,
    String host,
    String volume,
    String path,
    List<String> tags,
    String parent,
    Node root,
    boolean partial,
    List<FileError> errors,
    SnapshotSummary summary,
    String program,
    String copiedFrom) {

  public static final int VERSION = 1;

  public SnapshotRecord {
    tags = tags == null ? List.of() : List.copyOf(tags);
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public Instant instant() {
    return Instant.parse(time);
  }

  public String shortId() {
    return id.substring(0, 8);
  }

  /** The root tree: the listing of the snapshotted directory. */
  public BlobId tree() {
    return root.subtree();
  }

  /** The same snapshot marked as copied from another repository. */
  public SnapshotRecord copiedFrom(String repositoryId, Node newRoot) {
    return new SnapshotRecord(version, id, time, host, volume, path, tags, parent, newRoot, partial, errors,
        summary, program, repositoryId);
  }
}

package dev.cairn.agent.retention;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What retention needs to know about a snapshot: its id, time, host, volume and tags. Immutable.
 */
public record SnapshotRef(String id, Instant time, String host, String volume, List<String> tags) {

  public SnapshotRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(volume, "volume");
    tags = List.copyOf(tags);
  }

  /**
   * Whether this snapshot carries every tag of {@code tagList}; the empty tag {@code ""} matches a
   * snapshot without tags (restic's {@code --keep-tag ''}).
   */
  public boolean hasTags(List<String> tagList) {
    for (String tag : tagList) {
      if (tag.isEmpty() && tags.isEmpty()) {
        return true;
      }
      if (!tags.contains(tag)) {
        return false;
      }
    }
    return true;
  }
}

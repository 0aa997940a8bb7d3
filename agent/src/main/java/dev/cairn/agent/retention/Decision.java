package dev.cairn.agent.retention;

import java.util.List;

/**
 * What {@link Retention#apply} decided for one snapshot: keep it (with every rule that keeps it,
 * e.g. {@code "daily within 30d"}, {@code "oldest monthly snapshot"}) or remove it (no reasons).
 * Immutable.
 */
public record Decision(SnapshotRef snapshot, boolean keep, List<String> reasons) {

  public Decision {
    reasons = List.copyOf(reasons);
    if (keep == reasons.isEmpty()) {
      throw new IllegalArgumentException("a kept snapshot needs reasons, a removed one has none");
    }
  }

  public boolean remove() {
    return !keep;
  }
}

package dev.cairn.agent.snapshot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The outcome of {@code forget}: per group (host and volume) the snapshots kept, with the rules
 * that keep each, and those removed (or, in a dry run, to be removed); the prune report when it
 * pruned. Immutable.
 *
 * @param policy the policy as {@code forget} flags, e.g. {@code --keep-daily 7}
 * @param dryRun true when nothing was removed
 * @param prune what the prune after the removal did, or null when it did not prune
 */
public record ForgetReport(String policy, boolean dryRun, List<Group> groups, PruneReport prune, double seconds) {

  public ForgetReport {
    groups = List.copyOf(groups);
  }

  /** The snapshots of one host and volume, newest first. Immutable. */
  public record Group(String host, String volume, List<Entry> keep, List<Entry> remove) {
    public Group {
      keep = List.copyOf(keep);
      remove = List.copyOf(remove);
    }
  }

  /** One snapshot and the reasons it is kept (empty when it is removed). Immutable. */
  public record Entry(String id, String time, List<String> tags, List<String> reasons) {
    public Entry {
      tags = List.copyOf(tags);
      reasons = List.copyOf(reasons);
    }
  }

  /** Snapshots kept over all groups. */
  @JsonProperty("kept")
  public int kept() {
    return groups.stream().mapToInt(g -> g.keep().size()).sum();
  }

  /** Snapshots removed (or, in a dry run, that would be) over all groups. */
  @JsonProperty("removed")
  public int removed() {
    return groups.stream().mapToInt(g -> g.remove().size()).sum();
  }
}

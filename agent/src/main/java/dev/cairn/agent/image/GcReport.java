package dev.cairn.agent.image;

import dev.cairn.agent.image.history.RetentionPolicy;
import java.util.List;

/**
 * What garbage collection did: each version's decision with its reason, the blobs and bytes freed,
 * the bytes the cache keeps, and whether it still exceeds the budget.
 */
public record GcReport(List<RetentionPolicy.Decision> decisions, int blobsRemoved, long bytesFreed, long bytesKept, boolean overBudget) {

  public GcReport {
    decisions = List.copyOf(decisions);
  }

  /** The versions removed. */
  public List<RetentionPolicy.Decision> removed() {
    return decisions.stream().filter(d -> !d.keep()).toList();
  }
}

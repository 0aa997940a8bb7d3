package dev.cairn.agent.snapshot;

import java.util.List;

/** The outcome of {@code copy}: snapshots copied and skipped (already there), blobs and bytes added. Immutable. */
public record CopyReport(List<String> copied, List<String> skipped, long blobsNew, long bytesStored, double seconds) {
  public CopyReport {
    copied = List.copyOf(copied);
    skipped = List.copyOf(skipped);
  }
}

package dev.cairn.agent.snapshot;

/**
 * The outcome of {@code prune}: packs kept, repacked and deleted, blobs kept and dropped, bytes
 * freed, leftovers removed and packs re-indexed. Immutable.
 */
public record PruneReport(
    int packsKept,
    int packsRepacked,
    int packsDeleted,
    int packsWritten,
    int packsReindexed,
    long blobsKept,
    long blobsDropped,
    long bytesBefore,
    long bytesAfter,
    int indexFilesReplaced,
    int leftoversRemoved,
    double seconds) {

  public long bytesFreed() {
    return bytesBefore - bytesAfter;
  }
}

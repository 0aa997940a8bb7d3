package dev.cairn.agent.outbox;

import java.io.IOException;
import java.util.List;

/**
 * The outbox's disk-budget policy: first thin old health samples to one per
 * {@link OutboxOptions#thinInterval()}, then, if still over budget, drop old health samples,
 * always oldest segment first and never in the active segment or a damaged one. Results, events
 * and desired-state reports are never touched, nor is the newest health sample of all. Not
 * thread-safe: runs under the outbox's lock.
 */
final class BudgetCompactor {

  private final OutboxOptions options;

  BudgetCompactor(OutboxOptions options) {
    this.options = options;
  }

  /**
   * Compacts {@code sealed} (oldest first) until {@code excess} bytes are freed or nothing is
   * left, keeping the entry {@code newestSample} (the newest health sample in the outbox); returns
   * the bytes freed.
   */
  long compact(List<Segment> sealed, long excess, long newestSample) throws IOException {
    long freed = 0;
    long intervalMillis = options.thinInterval().toMillis();
    long[] lastKeptBucket = {Long.MIN_VALUE};
    for (Segment segment : sealed) {
      if (freed >= excess) {
        return freed;
      }
      if (segment.compactableCount() > 1 && !segment.thinned() && segment.damage() == null) {
        segment.markThinned();
        freed += segment.rewrite(entry -> {
          if (!entry.kind().compactable() || entry.seq() == newestSample) {
            return true;
          }
          long bucket = entry.created().toEpochMilli() / intervalMillis;
          boolean keep = bucket != lastKeptBucket[0];
          lastKeptBucket[0] = bucket;
          return keep;
        });
      }
    }
    for (Segment segment : sealed) {
      if (freed >= excess) {
        return freed;
      }
      boolean onlyTheNewest = segment.compactableCount() == 1 && segment.lastCompactableSeq() == newestSample;
      if (segment.compactableCount() > 0 && !onlyTheNewest && segment.damage() == null) {
        freed += segment.rewrite(entry -> !entry.kind().compactable() || entry.seq() == newestSample);
      }
    }
    return freed;
  }
}

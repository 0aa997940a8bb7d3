package dev.cairn.agent.outbox;

import java.time.Duration;

/**
 * Tuning of an {@link Outbox}: segment size, disk budget and the interval health samples are
 * thinned to when over budget. Immutable.
 */
public record OutboxOptions(long segmentBytes, long budgetBytes, Duration thinInterval) {

  /** 1 MiB segments, a 128 MiB budget, health thinned to one sample per hour. */
  public static final OutboxOptions DEFAULTS = new OutboxOptions(1 << 20, 128L << 20, Duration.ofHours(1));

  public OutboxOptions {
    if (segmentBytes < 4096) {
      throw new IllegalArgumentException("segmentBytes must be at least 4096, was " + segmentBytes);
    }
    if (budgetBytes < 2 * segmentBytes) {
      throw new IllegalArgumentException("budgetBytes (" + budgetBytes + ") must be at least two segments ("
          + 2 * segmentBytes + ")");
    }
    if (thinInterval.isNegative() || thinInterval.isZero()) {
      throw new IllegalArgumentException("thinInterval must be positive");
    }
  }

  /** The same options with another budget. */
  public OutboxOptions withBudgetBytes(long budget) {
    return new OutboxOptions(segmentBytes, budget, thinInterval);
  }
}

package dev.cairn.agent.link;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential reconnect backoff with jitter: {@code initial × multiplier^n}, capped at {@code max},
 * each delay spread by ±{@code jitter} (a fraction). Not thread-safe: used by the link's thread.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final double multiplier;
  private final double jitter;
  private final Random random;
  private double nextMillis;

  public Backoff(Duration initial, Duration max, double multiplier, double jitter, Random random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
    }
    if (multiplier < 1 || jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("backoff needs multiplier >= 1 and 0 <= jitter < 1");
    }
    this.initial = initial;
    this.max = max;
    this.multiplier = multiplier;
    this.jitter = jitter;
    this.random = random;
    reset();
  }

  /** The delay before the next attempt; each call grows the following one. */
  public Duration next() {
    double base = nextMillis;
    nextMillis = Math.min(nextMillis * multiplier, max.toMillis());
    double spread = base * jitter * (2 * random.nextDouble() - 1);
    return Duration.ofMillis(Math.max(1, Math.round(base + spread)));
  }

  /** Starts over at the initial delay (after a connection that lasted). */
  public void reset() {
    nextMillis = initial.toMillis();
  }
}

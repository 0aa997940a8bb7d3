package dev.cairn.agent.backend;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RetryingBackend} retries: at most {@code maxAttempts} attempts, waiting {@code
 * initialDelay × multiplier^(n-1)} (capped at {@code maxDelay}) before attempt {@code n+1}, each wait
 * shortened by a random fraction up to {@code jitter} so that many nodes do not retry in lockstep.
 * Immutable.
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier, double jitter) {

  public RetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= initialDelay <= maxDelay, got " + initialDelay + " and " + maxDelay);
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("multiplier must be >= 1, not " + multiplier);
    }
    if (jitter < 0.0 || jitter > 1.0) {
      throw new IllegalArgumentException("jitter must be within [0, 1], not " + jitter);
    }
  }

  /**
   * The default for a node's backend: 8 attempts over about a minute (0.5 s, 1 s, 2 s … capped at
   * 30 s, up to half of each wait shaved off at random).
   */
  public static RetryPolicy standard() {
    return new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.5);
  }

  /**
   * The wait before the attempt after {@code failedAttempt} (1-based), given a uniform random
   * {@code unit} in [0, 1).
   */
  public Duration delayAfter(int failedAttempt, double unit) {
    double base = initialDelay.toNanos() * Math.pow(multiplier, failedAttempt - 1);
    double capped = Math.min(base, maxDelay.toNanos());
    return Duration.ofNanos((long) (capped * (1.0 - jitter * unit)));
  }
}

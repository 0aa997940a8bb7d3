package dev.cairn.agent.link;

import java.time.Duration;

/**
 * Timing and flow-control settings of the link; {@link #DEFAULTS} are those of
 * {@code docs/protocol.md}. Immutable.
 *
 * @param window most outbox entries sent and not yet acknowledged
 * @param initialBackoff first reconnect delay
 * @param maxBackoff longest reconnect delay
 * @param resetBackoffAfter a connection that lasted this long starts the backoff over
 * @param connectDeadline deadline of one {@code Connect} stream (the agent reconnects when it ends)
 * @param enrollDeadline deadline of {@code Enroll}
 * @param keepAliveTime ping the controller after this much idle time
 * @param keepAliveTimeout declare the connection dead after this long without a ping answer
 * @param welcomeTimeout give up on a stream that gets no {@code Welcome} within this time
 */
public record LinkOptions(int window, Duration initialBackoff, Duration maxBackoff, Duration resetBackoffAfter,
    Duration connectDeadline, Duration enrollDeadline, Duration keepAliveTime, Duration keepAliveTimeout,
    Duration welcomeTimeout) {

  public static final LinkOptions DEFAULTS = new LinkOptions(64, Duration.ofSeconds(1), Duration.ofSeconds(60),
      Duration.ofSeconds(30), Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofSeconds(30),
      Duration.ofSeconds(10), Duration.ofSeconds(30));

  public LinkOptions {
    if (window < 1) {
      throw new IllegalArgumentException("window must be at least 1");
    }
  }

  /** The same options with another reconnect backoff range. */
  public LinkOptions withBackoff(Duration initial, Duration max) {
    return new LinkOptions(window, initial, max, resetBackoffAfter, connectDeadline, enrollDeadline, keepAliveTime,
        keepAliveTimeout, welcomeTimeout);
  }

  /** A backoff following these options (×2, ±20 % jitter). */
  public Backoff newBackoff(java.util.Random random) {
    return new Backoff(initialBackoff, maxBackoff, 2.0, 0.2, random);
  }
}

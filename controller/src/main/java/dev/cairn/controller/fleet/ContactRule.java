package dev.cairn.controller.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a node counts as <b>stale</b>: nothing was heard from it for longer than {@code max(3 ×
 * health interval, shortest schedule period + grace)}. The health interval is the effective
 * desired state's {@code healthIntervalSeconds} (else {@code defaultHealthInterval}, the agent's
 * default); the shortest schedule period is the smallest {@link CronPeriod} among its {@code
 * schedules} (none: only the first term counts). Immutable.
 */
public record ContactRule(Duration defaultHealthInterval, Duration grace) {

  /** How long a node may be silent, and what that came from. */
  public record Allowance(Duration allowed, Duration healthInterval, Duration shortestSchedule) {}

  /** The allowance for a node whose effective desired state is {@code spec} (may be empty). */
  public Allowance allowance(JsonNode spec) {
    Duration interval = defaultHealthInterval;
    JsonNode seconds = spec == null ? null : spec.get("healthIntervalSeconds");
    if (seconds != null && seconds.canConvertToLong() && seconds.asLong() > 0) {
      interval = Duration.ofSeconds(seconds.asLong());
    }
    Duration shortest = null;
    if (spec != null) {
      for (JsonNode schedule : spec.path("schedules")) {
        Optional<Duration> period = CronPeriod.of(schedule.path("cron").asText(null));
        if (period.isPresent() && (shortest == null || period.get().compareTo(shortest) < 0)) {
          shortest = period.get();
        }
      }
    }
    Duration allowed = interval.multipliedBy(3);
    if (shortest != null && shortest.plus(grace).compareTo(allowed) > 0) {
      allowed = shortest.plus(grace);
    }
    return new Allowance(allowed, interval, shortest);
  }

  /** Whether a node last heard from at {@code lastHeard} is stale at {@code now}. */
  public static boolean stale(Instant lastHeard, Allowance allowance, Instant now) {
    return lastHeard != null && Duration.between(lastHeard, now).compareTo(allowance.allowed()) > 0;
  }
}

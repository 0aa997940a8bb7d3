package dev.cairn.agent.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A five-field Unix cron expression ({@code minute hour day-of-month month day-of-week}) evaluated
 * in a time zone. Parsing and the slot search are cron-utils' (its Unix definition follows
 * crontab(5), including the day-of-month OR day-of-week rule). Slots are found in local wall-clock
 * time and then placed on the time line the way cron does across DST changes: a slot inside a
 * spring-forward gap (02:00 on the switch day in Europe) runs right after the gap instead of being
 * skipped, and a slot in the repeated autumn hour runs once, at its first occurrence. Immutable
 * and thread-safe.
 */
public final class CronSchedule {

  private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime execution;

  private CronSchedule(String expression, ZoneId zone, ExecutionTime execution) {
    this.expression = expression;
    this.zone = zone;
    this.execution = execution;
  }

  /**
   * Parses an expression.
   *
   * @throws InvalidScheduleException naming the expression and what is wrong with it
   */
  public static CronSchedule parse(String expression, ZoneId zone) throws InvalidScheduleException {
    try {
      Cron cron = PARSER.parse(expression.trim()).validate();
      return new CronSchedule(expression.trim(), zone, ExecutionTime.forCron(cron));
    } catch (IllegalArgumentException e) {
      throw new InvalidScheduleException("'" + expression + "' is not a cron expression (minute hour day-of-month"
          + " month day-of-week, e.g. '0 2 * * *' for 02:00 daily): " + e.getMessage());
    }
  }

  /** The first slot strictly after {@code after}. */
  public Optional<Instant> next(Instant after) {
    Optional<ZonedDateTime> wall = execution.nextExecution(wallClock(after));
    while (wall.isPresent()) {
      Instant slot = onTimeLine(wall.get());
      if (slot.isAfter(after)) {
        return Optional.of(slot);
      }
      wall = execution.nextExecution(wall.get()); // the repeated autumn hour: already passed
    }
    return Optional.empty();
  }

  /** The last slot at or before {@code atOrBefore}. */
  public Optional<Instant> latest(Instant atOrBefore) {
    // lastExecution is strictly before its argument; one second later makes the bound inclusive.
    Optional<ZonedDateTime> wall = execution.lastExecution(wallClock(atOrBefore.plusSeconds(1)));
    while (wall.isPresent()) {
      Instant slot = onTimeLine(wall.get());
      if (!slot.isAfter(atOrBefore)) {
        return Optional.of(slot);
      }
      wall = execution.lastExecution(wall.get());
    }
    return Optional.empty();
  }

  /** The local wall-clock time of an instant, carried in UTC so the search sees no DST. */
  private ZonedDateTime wallClock(Instant instant) {
    return LocalDateTime.ofInstant(instant, zone).atZone(ZoneOffset.UTC);
  }

  /** The instant of a wall-clock slot: gap times move forward by the gap, repeated times take the earlier offset. */
  private Instant onTimeLine(ZonedDateTime wall) {
    return ZonedDateTime.ofLocal(wall.toLocalDateTime(), zone, null).toInstant();
  }

  public String expression() {
    return expression;
  }

  public ZoneId zone() {
    return zone;
  }

  @Override
  public String toString() {
    return expression + " (" + zone + ")";
  }
}

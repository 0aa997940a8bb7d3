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
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A five-field Unix cron expression ({@code minute hour day-of-month month day-of-week}) evaluated
 * in a time zone. Parsing and the slot search are cron-utils'. The two day fields combine as in
 * crontab(5) (Vixie cron, cronie): a day matches if it matches both when either field starts with
 * {@code *} ({@code *}{@code /2}, not only {@code *}), else if it matches either. cron-utils takes
 * either as soon as neither field is a plain {@code *}, so for those expressions the search runs on
 * the day-of-month half and keeps the days the day-of-week half matches. Slots are found in local wall-clock
 * time and then placed on the time line the way cron does across DST changes: a slot inside a
 * spring-forward gap (02:00 on the switch day in Europe) runs right after the gap instead of being
 * skipped, and a slot in the repeated autumn hour runs once, at its first occurrence. Immutable
 * and thread-safe.
 */
public final class CronSchedule {

  private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  /** Days searched for one slot whose two day fields both match: the Gregorian calendar's 28-year cycle. */
  private static final int MAX_DAYS_SEARCHED = 366 * 28;

  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime execution;
  /** The day-of-week half, when both day fields must match and cron-utils would take either; else null. */
  private final ExecutionTime dayOfWeek;

  private CronSchedule(String expression, ZoneId zone, ExecutionTime execution, ExecutionTime dayOfWeek) {
    this.expression = expression;
    this.zone = zone;
    this.execution = execution;
    this.dayOfWeek = dayOfWeek;
  }

  /**
   * Parses an expression.
   *
   * @throws InvalidScheduleException naming the expression and what is wrong with it
   */
  public static CronSchedule parse(String expression, ZoneId zone) throws InvalidScheduleException {
    String trimmed = expression.trim();
    try {
      Cron cron = PARSER.parse(trimmed).validate();
      String[] fields = trimmed.split("\\s+");
      if (fields.length == 5 && bothDaysMustMatch(fields[2], fields[4])) {
        String dayOfMonthHalf = String.join(" ", fields[0], fields[1], fields[2], fields[3], "*");
        String dayOfWeekHalf = String.join(" ", fields[0], fields[1], "*", fields[3], fields[4]);
        return new CronSchedule(trimmed, zone, ExecutionTime.forCron(PARSER.parse(dayOfMonthHalf).validate()),
            ExecutionTime.forCron(PARSER.parse(dayOfWeekHalf).validate()));
      }
      return new CronSchedule(trimmed, zone, ExecutionTime.forCron(cron), null);
    } catch (IllegalArgumentException e) {
      throw new InvalidScheduleException("'" + expression + "' is not a cron expression (minute hour day-of-month"
          + " month day-of-week, e.g. '0 2 * * *' for 02:00 daily): " + e.getMessage());
    }
  }

  /**
   * Whether crontab(5) requires both day fields to match where cron-utils would take either: one of
   * them starts with {@code *} and neither is a plain {@code *} (with a plain one both agree).
   */
  private static boolean bothDaysMustMatch(String dayOfMonth, String dayOfWeek) {
    return (dayOfMonth.startsWith("*") || dayOfWeek.startsWith("*")) && !dayOfMonth.equals("*")
        && !dayOfWeek.equals("*");
  }

  /** The first slot strictly after {@code after}. */
  public Optional<Instant> next(Instant after) {
    Optional<ZonedDateTime> wall = nextWall(wallClock(after));
    while (wall.isPresent()) {
      Instant slot = onTimeLine(wall.get());
      if (slot.isAfter(after)) {
        return Optional.of(slot);
      }
      wall = nextWall(wall.get()); // the repeated autumn hour: already passed
    }
    return Optional.empty();
  }

  /** The last slot at or before {@code atOrBefore}. */
  public Optional<Instant> latest(Instant atOrBefore) {
    // lastExecution is strictly before its argument; one second later makes the bound inclusive.
    Optional<ZonedDateTime> wall = lastWall(wallClock(atOrBefore.plusSeconds(1)));
    while (wall.isPresent()) {
      Instant slot = onTimeLine(wall.get());
      if (!slot.isAfter(atOrBefore)) {
        return Optional.of(slot);
      }
      wall = lastWall(wall.get());
    }
    return Optional.empty();
  }

  /** The first wall-clock slot strictly after {@code from}. */
  private Optional<ZonedDateTime> nextWall(ZonedDateTime from) {
    Optional<ZonedDateTime> slot = execution.nextExecution(from);
    if (dayOfWeek == null) {
      return slot;
    }
    for (int days = 0; slot.isPresent() && days < MAX_DAYS_SEARCHED; days++) {
      if (dayOfWeek.isMatch(slot.get())) {
        return slot;
      }
      // the day of month matches, the day of week does not: go on after the last second of that day
      slot = execution.nextExecution(slot.get().truncatedTo(ChronoUnit.DAYS).plusDays(1).minusSeconds(1));
    }
    return Optional.empty();
  }

  /** The last wall-clock slot strictly before {@code from}. */
  private Optional<ZonedDateTime> lastWall(ZonedDateTime from) {
    Optional<ZonedDateTime> slot = execution.lastExecution(from);
    if (dayOfWeek == null) {
      return slot;
    }
    for (int days = 0; slot.isPresent() && days < MAX_DAYS_SEARCHED; days++) {
      if (dayOfWeek.isMatch(slot.get())) {
        return slot;
      }
      slot = execution.lastExecution(slot.get().truncatedTo(ChronoUnit.DAYS)); // before that day
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

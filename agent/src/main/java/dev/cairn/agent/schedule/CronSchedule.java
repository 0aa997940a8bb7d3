package dev.cairn.agent.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A five-field Unix cron expression ({@code minute hour day-of-month month day-of-week}) evaluated
 * in a time zone. Parsing and next/previous slot computation are cron-utils' (its Unix definition
 * follows crontab(5), including the day-of-month OR day-of-week rule and DST gaps). Immutable and
 * thread-safe.
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
    return execution.nextExecution(after.atZone(zone)).map(t -> t.toInstant());
  }

  /** The last slot at or before {@code atOrBefore}. */
  public Optional<Instant> latest(Instant atOrBefore) {
    // lastExecution is strictly before its argument; one second later makes the bound inclusive.
    return execution.lastExecution(atOrBefore.plusSeconds(1).atZone(zone)).map(t -> t.toInstant());
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

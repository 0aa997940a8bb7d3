package dev.cairn.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CronSchedule} against crontab(5) as Vixie cron and cronie evaluate it (a day matches both
 * day fields when either starts with {@code *}, else either), on seeded random expressions. The
 * reference below checks every minute of every day the day rule lets through.
 */
class CrontabRulesTest {

  private static final long SEED = 20261127L;
  private static final int HORIZON_DAYS = 800;
  private static final String[] MONTHS = {"*", "*/2", "1,6", "1-7/3", "1-12", "*/5"};

  private final Random random = new Random(SEED);

  @Test
  void next_andLatest_randomExpressions_matchCrontab() throws Exception {
    int dayFieldsAnded = 0;
    for (int i = 0; i < 400; i++) {
      String expression = String.join(" ", field(0, 59, false), field(0, 23, false), dayOfMonth(),
          MONTHS[random.nextInt(MONTHS.length)], dayOfWeek());
      Crontab reference = Crontab.parse(expression);
      dayFieldsAnded += reference.daysAnded() ? 1 : 0;
      CronSchedule schedule = CronSchedule.parse(expression, ZoneOffset.UTC);
      Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(366 * 86_400));

      assertSame(schedule.next(at), reference.next(at), at, "next after " + at + " of '" + expression + "'");
      assertSame(schedule.latest(at), reference.latest(at), at, "latest at " + at + " of '" + expression + "'");
    }
    assertThat(dayFieldsAnded).as("expressions whose day fields combine with AND").isGreaterThan(60);
  }

  @Test
  void next_everyOtherDayOnMondays_needsBoth() throws Exception {
    // 1 June 2026 is a Monday; odd days of month that are Mondays: 1 June, 15 June, 29 June, ...
    CronSchedule schedule = CronSchedule.parse("0 3 */2 * 1", ZoneOffset.UTC);

    assertThat(schedule.next(Instant.parse("2026-06-01T04:00:00Z"))).contains(Instant.parse("2026-06-15T03:00:00Z"));
    assertThat(schedule.latest(Instant.parse("2026-06-14T00:00:00Z"))).contains(Instant.parse("2026-06-01T03:00:00Z"));
    // both restricted and neither starting with '*': either day field will do
    assertThat(CronSchedule.parse("0 3 2 * 1", ZoneOffset.UTC).next(Instant.parse("2026-06-01T04:00:00Z")))
        .contains(Instant.parse("2026-06-02T03:00:00Z"));
  }

  /** Equal, or none found by the reference and the schedule's beyond the reference's horizon. */
  private static void assertSame(Optional<Instant> actual, Optional<Instant> expected, Instant at, String what) {
    if (expected.isPresent() || actual.isEmpty()) {
      assertThat(actual).as(what).isEqualTo(expected);
    } else {
      assertThat(Math.abs(actual.get().getEpochSecond() - at.getEpochSecond())).as(what + ": " + actual.get())
          .isGreaterThanOrEqualTo((HORIZON_DAYS - 1) * 86_400L);
    }
  }

  private String dayOfMonth() {
    return switch (random.nextInt(5)) {
      case 0 -> "*";
      case 1 -> "*/" + (2 + random.nextInt(9));
      case 2 -> "*/1";
      default -> field(1, 31, true);
    };
  }

  private String dayOfWeek() {
    return switch (random.nextInt(5)) {
      case 0 -> "*";
      case 1 -> "*/" + (2 + random.nextInt(4));
      default -> field(0, 6, true);
    };
  }

  /** A restricted field: a value, a range, a stepped range or a list of those; or a '*' form. */
  private String field(int min, int max, boolean restricted) {
    if (!restricted && random.nextInt(3) == 0) {
      return random.nextBoolean() ? "*" : "*/" + (2 + random.nextInt(max / 2));
    }
    StringBuilder field = new StringBuilder();
    int parts = 1 + random.nextInt(2);
    for (int p = 0; p < parts; p++) {
      int lo = min + random.nextInt(max - min + 1);
      int hi = lo + random.nextInt(max - lo + 1);
      field.append(p == 0 ? "" : ",").append(switch (random.nextInt(3)) {
        case 0 -> Integer.toString(lo);
        case 1 -> lo + "-" + hi;
        default -> lo + "-" + hi + "/" + (1 + random.nextInt(4));
      });
    }
    return field.toString();
  }

  /** crontab(5), minute by minute over the days the day rule lets through. */
  private record Crontab(BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek,
      boolean daysAnded) {

    static Crontab parse(String expression) {
      String[] f = expression.split(" ");
      BitSet daysOfWeek = values(f[4], 0, 7);
      if (daysOfWeek.get(7)) {
        daysOfWeek.set(0);
      }
      return new Crontab(values(f[0], 0, 59), values(f[1], 0, 23), values(f[2], 1, 31), values(f[3], 1, 12),
          daysOfWeek, f[2].startsWith("*") || f[4].startsWith("*"));
    }

    private static BitSet values(String field, int min, int max) {
      BitSet values = new BitSet();
      for (String part : field.split(",")) {
        String range = part;
        int step = 1;
        if (part.contains("/")) {
          range = part.substring(0, part.indexOf('/'));
          step = Integer.parseInt(part.substring(part.indexOf('/') + 1));
        }
        int lo = min;
        int hi = max;
        if (!range.equals("*")) {
          String[] bounds = range.split("-");
          lo = Integer.parseInt(bounds[0]);
          hi = bounds.length == 2 ? Integer.parseInt(bounds[1]) : lo;
        }
        for (int v = lo; v <= hi; v += step) {
          values.set(v);
        }
      }
      return values;
    }

    boolean dayMatches(LocalDate day) {
      boolean dayOfMonth = daysOfMonth.get(day.getDayOfMonth());
      boolean dayOfWeek = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
      return months.get(day.getMonthValue()) && (daysAnded ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek);
    }

    Optional<Instant> next(Instant after) {
      LocalDateTime from = LocalDateTime.ofInstant(after, ZoneOffset.UTC);
      for (LocalDate day = from.toLocalDate(); day.isBefore(from.toLocalDate().plusDays(HORIZON_DAYS));
          day = day.plusDays(1)) {
        if (dayMatches(day)) {
          for (int minute = 0; minute < 1440; minute++) {
            LocalDateTime slot = day.atStartOfDay().plusMinutes(minute);
            if (slot.isAfter(from) && hours.get(minute / 60) && minutes.get(minute % 60)) {
              return Optional.of(slot.toInstant(ZoneOffset.UTC));
            }
          }
        }
      }
      return Optional.empty();
    }

    Optional<Instant> latest(Instant atOrBefore) {
      LocalDateTime to = LocalDateTime.ofInstant(atOrBefore, ZoneOffset.UTC);
      for (LocalDate day = to.toLocalDate(); day.isAfter(to.toLocalDate().minusDays(HORIZON_DAYS));
          day = day.minusDays(1)) {
        if (dayMatches(day)) {
          for (int minute = 1439; minute >= 0; minute--) {
            LocalDateTime slot = day.atStartOfDay().plusMinutes(minute);
            if (!slot.isAfter(to) && hours.get(minute / 60) && minutes.get(minute % 60)) {
              return Optional.of(slot.toInstant(ZoneOffset.UTC));
            }
          }
        }
      }
      return Optional.empty();
    }
  }
}

package dev.cairn.controller.fleet;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The longest time a cron schedule goes between two runs: its period for the purpose of "has it
 * run recently enough". Found by walking every firing of the expression over two years of
 * calendar (so monthly and yearly schedules show their longest gap, e.g. 31 days for {@code 0 4 1
 * * *}) in a fixed zone; daylight-saving shifts are ignored. Five-field expressions with {@code *},
 * numbers, names, ranges, steps and lists, and the {@code @hourly}-style macros; day of month and
 * day of week combine as in Vixie cron (either matches when both are restricted). Results are
 * cached per expression. Thread-safe.
 */
public final class CronPeriod {
  private static final Map<String, Optional<Duration>> CACHE = new ConcurrentHashMap<>();
  private static final Map<String, String> MACROS = Map.of(
      "@hourly", "0 * * * *", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
      "@weekly", "0 0 * * 0", "@monthly", "0 0 1 * *", "@yearly", "0 0 1 1 *",
      "@annually", "0 0 1 1 *");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
  private static final LocalDate START = LocalDate.of(2024, Month.JANUARY, 1);
  private static final int DAYS_WALKED = 2 * 366 + 31;

  private CronPeriod() {}

  /** The longest gap between runs; empty if the expression is invalid or never fires. */
  public static Optional<Duration> of(String expression) {
    if (expression == null) {
      return Optional.empty();
    }
    return CACHE.computeIfAbsent(expression.strip().toLowerCase(Locale.ROOT), CronPeriod::compute);
  }

  private static Optional<Duration> compute(String expression) {
    String[] fields = MACROS.getOrDefault(expression, expression).split("\\s+");
    if (fields.length != 5) {
      return Optional.empty();
    }
    try {
      BitSet minutes = field(fields[0], 0, 59, List.of());
      BitSet hours = field(fields[1], 0, 23, List.of());
      BitSet daysOfMonth = field(fields[2], 1, 31, List.of());
      BitSet months = field(fields[3], 1, 12, MONTHS);
      BitSet daysOfWeek = field(fields[4], 0, 7, DAYS);
      if (daysOfWeek.get(7)) {
        daysOfWeek.set(0);
      }
      boolean domStar = fields[2].startsWith("*");
      boolean dowStar = fields[4].startsWith("*");
      long previous = -1;
      long longest = -1;
      for (int d = 0; d < DAYS_WALKED; d++) {
        LocalDate day = START.plusDays(d);
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
        boolean dayMatches = domStar || dowStar ? dom && dow : dom || dow;
        if (!months.get(day.getMonthValue()) || !dayMatches) {
          continue;
        }
        long base = day.toEpochDay() * 1440;
        for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
          for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
            long at = base + h * 60L + m;
            if (previous >= 0) {
              longest = Math.max(longest, at - previous);
            }
            previous = at;
          }
        }
      }
      return longest < 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(longest));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static BitSet field(String text, int min, int max, List<String> names) {
    BitSet set = new BitSet(max + 1);
    for (String item : text.split(",")) {
      int step = 1;
      String range = item;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        step = Integer.parseInt(item.substring(slash + 1));
        range = item.substring(0, slash);
        if (step <= 0) {
          throw new IllegalArgumentException("step");
        }
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else {
        String[] ends = range.split("-");
        from = value(ends[0], min, names);
        to = ends.length > 1 ? value(ends[1], min, names) : slash >= 0 ? max : from;
      }
      if (from < min || to > max || from > to) {
        throw new IllegalArgumentException("range");
      }
      for (int v = from; v <= to; v += step) {
        set.set(v);
      }
    }
    return set;
  }

  private static int value(String text, int min, List<String> names) {
    int named = names.indexOf(text);
    if (named >= 0) {
      return named + (min == 1 ? 1 : 0);
    }
    return Integer.parseInt(text);
  }
}

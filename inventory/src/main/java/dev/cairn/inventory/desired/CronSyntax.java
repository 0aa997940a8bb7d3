package dev.cairn.inventory.desired;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks cron expressions: five fields (minute, hour, day of month, month, day of week) of
 * {@code *}, numbers, names ({@code jan}, {@code sun}), ranges {@code a-b}, steps {@code /n} and
 * lists {@code a,b}; or one of {@code @hourly}, {@code @daily}, {@code @weekly},
 * {@code @monthly}, {@code @yearly}, {@code @annually}.
 */
final class CronSyntax {

  private static final List<String> MACROS =
      List.of("@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually");
  private static final String[] FIELD = {"minute", "hour", "day of month", "month", "day of week"};
  private static final int[][] RANGE = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

  private CronSyntax() {}

  /** What is wrong with {@code expression}, or empty if it is valid. */
  static Optional<String> problem(String expression) {
    String text = expression.strip();
    if (text.startsWith("@")) {
      return MACROS.contains(text) ? Optional.empty()
          : Optional.of("unknown macro " + text + "; use one of " + MACROS);
    }
    String[] fields = text.split("\\s+");
    if (fields.length != 5) {
      return Optional.of("a cron expression has 5 fields (minute hour day month weekday), not "
          + fields.length);
    }
    for (int i = 0; i < 5; i++) {
      for (String item : fields[i].split(",", -1)) {
        Optional<String> bad = item(item, i);
        if (bad.isPresent()) {
          return Optional.of(FIELD[i] + " field '" + fields[i] + "': " + bad.get());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> item(String item, int field) {
    String range = item;
    int slash = item.indexOf('/');
    if (slash >= 0) {
      range = item.substring(0, slash);
      String step = item.substring(slash + 1);
      if (!step.matches("[0-9]+") || Integer.parseInt(step) == 0) {
        return Optional.of("step '" + step + "' must be a positive number");
      }
    }
    if (range.equals("*")) {
      return Optional.empty();
    }
    String[] ends = range.split("-", -1);
    if (ends.length > 2) {
      return Optional.of("'" + range + "' is not a value or a range a-b");
    }
    int[] values = new int[ends.length];
    for (int i = 0; i < ends.length; i++) {
      Integer v = value(ends[i], field);
      if (v == null) {
        return Optional.of("'" + ends[i] + "' is not allowed (" + RANGE[field][0] + "-"
            + RANGE[field][1] + ")");
      }
      values[i] = v;
    }
    if (values.length == 2 && values[0] > values[1]) {
      return Optional.of("range '" + range + "' runs backwards");
    }
    return Optional.empty();
  }

  private static Integer value(String text, int field) {
    String t = text.toLowerCase(Locale.ROOT);
    if (field == 3 && MONTHS.contains(t)) {
      return MONTHS.indexOf(t) + 1;
    }
    if (field == 4 && DAYS.contains(t)) {
      return DAYS.indexOf(t);
    }
    if (!t.matches("[0-9]{1,2}")) {
      return null;
    }
    int v = Integer.parseInt(t);
    return v >= RANGE[field][0] && v <= RANGE[field][1] ? v : null;
  }
}

package dev.cairn.agent.retention;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * A calendar span for the {@code --keep-within*} rules, written like restic's {@code 1y2m3d4h}
 * (years, months, days, hours; any subset, any order, a unit given twice keeps the last). Immutable.
 */
public record RetentionDuration(int years, int months, int days, int hours) {

  public static final RetentionDuration ZERO = new RetentionDuration(0, 0, 0, 0);

  public RetentionDuration {
    if (years < 0 || months < 0 || days < 0 || hours < 0) {
      throw new IllegalArgumentException("durations cannot be negative: " + years + "y" + months
          + "m" + days + "d" + hours + "h");
    }
  }

  /**
   * Parses {@code 1y2m3d4h}, {@code 7d}, {@code 36h}, ...
   *
   * @throws InvalidPolicyException if a number has no unit, a unit is unknown, or a value is
   *     negative
   */
  public static RetentionDuration parse(String text) throws InvalidPolicyException {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty()) {
      throw new InvalidPolicyException(
          "empty duration; write years, months, days and hours like 1y2m3d4h (e.g. 7d, 12h, 1y)");
    }
    int[] ymdh = new int[4];
    int i = 0;
    while (i < s.length()) {
      int start = i;
      if (s.charAt(i) == '-') {
        throw new InvalidPolicyException("negative duration '" + text
            + "' is not allowed; use a positive span like 7d");
      }
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        throw new InvalidPolicyException("duration '" + text + "': expected a number at '"
            + s.substring(start) + "'; write it like 1y2m3d4h");
      }
      long value = Long.parseLong(s.substring(start, Math.min(i, start + 18)));
      if (i - start > 9 || value > Integer.MAX_VALUE) {
        throw new InvalidPolicyException("duration '" + text + "': number too large");
      }
      if (i == s.length()) {
        throw new InvalidPolicyException("duration '" + text + "': no unit after " + value
            + "; use y (years), m (months), d (days) or h (hours)");
      }
      char unit = s.charAt(i++);
      switch (unit) {
        case 'y' -> ymdh[0] = (int) value;
        case 'm' -> ymdh[1] = (int) value;
        case 'd' -> ymdh[2] = (int) value;
        case 'h' -> ymdh[3] = (int) value;
        default -> throw new InvalidPolicyException("duration '" + text + "': invalid unit '"
            + unit + "' after " + value + "; use y (years), m (months), d (days) or h (hours)"
            + (unit == 'w' ? " — for weeks write days, e.g. 84d for 12 weeks" : ""));
      }
    }
    return new RetentionDuration(ymdh[0], ymdh[1], ymdh[2], ymdh[3]);
  }

  public boolean isZero() {
    return years == 0 && months == 0 && days == 0 && hours == 0;
  }

  /**
   * The instant this span before {@code reference}, computed like Go's {@code
   * t.AddDate(-y, -m, -d).Add(-h hours)}: the calendar date is shifted field by field and an
   * overflowing day is carried over (31 March minus one month is 2 or 3 March, not 28 February),
   * then the hours are subtracted as elapsed time.
   */
  public ZonedDateTime before(ZonedDateTime reference) {
    LocalDateTime local = reference.toLocalDateTime();
    long monthIndex = local.getYear() * 12L + (local.getMonthValue() - 1) - years * 12L - months;
    int year = (int) Math.floorDiv(monthIndex, 12L);
    int month = (int) Math.floorMod(monthIndex, 12L) + 1;
    LocalDate date = LocalDate.of(year, month, 1).plusDays(local.getDayOfMonth() - 1L - days);
    ZonedDateTime shifted = goDate(LocalDateTime.of(date, local.toLocalTime()), reference.getZone());
    return shifted.minusHours(hours);
  }

  /**
   * A wall-clock time in {@code zone} resolved as Go's {@code time.Date} does, which differs from
   * {@link ZonedDateTime#of} where the time does not exist or exists twice: the offset in effect at
   * the wall-clock time read as UTC, unless the result falls outside that offset's period, then the
   * offset at the result. (In New York, 02:30 on the spring-forward day is 01:30 EST for Go, 03:30
   * EDT for Java; in Berlin, the repeated 02:30 in autumn is the later one, CET, for Go.)
   */
  static ZonedDateTime goDate(LocalDateTime local, java.time.ZoneId zone) {
    java.time.zone.ZoneRules rules = zone.getRules();
    long asUtc = local.toEpochSecond(java.time.ZoneOffset.UTC);
    java.time.Instant guess = java.time.Instant.ofEpochSecond(asUtc);
    int offset = rules.getOffset(guess).getTotalSeconds();
    long utc = asUtc - offset;
    java.time.zone.ZoneOffsetTransition previous = rules.previousTransition(guess.plusSeconds(1));
    java.time.zone.ZoneOffsetTransition next = rules.nextTransition(guess);
    long start = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
    long end = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    if (utc < start || utc >= end) {
      offset = rules.getOffset(java.time.Instant.ofEpochSecond(utc)).getTotalSeconds();
    }
    return java.time.Instant.ofEpochSecond(asUtc - offset, local.getNano()).atZone(zone);
  }

  /** restic's notation: the non-zero parts in y, m, d, h order ({@code 0h} when zero). */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (years != 0) {
      s.append(years).append('y');
    }
    if (months != 0) {
      s.append(months).append('m');
    }
    if (days != 0) {
      s.append(days).append('d');
    }
    if (hours != 0) {
      s.append(hours).append('h');
    }
    return s.length() == 0 ? "0h" : s.toString();
  }
}

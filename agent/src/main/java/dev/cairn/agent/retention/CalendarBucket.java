package dev.cairn.agent.retention;

import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/**
 * The calendar units the bucket rules count in, each mapping a local time to a number that is
 * equal exactly for times in the same unit (restic's {@code ymdh}, {@code ymd}, {@code yw}, {@code
 * ym}, {@code y}). Weeks are ISO weeks numbered {@code weekBasedYear × 100 + week}, so 30 December
 * 2024 is in week 202501 and 1 January 2021 in week 202053.
 */
enum CalendarBucket {
  HOURLY("hourly"),
  DAILY("daily"),
  WEEKLY("weekly"),
  MONTHLY("monthly"),
  YEARLY("yearly");

  private final String label;

  CalendarBucket(String label) {
    this.label = label;
  }

  /** The rule's adjective in reasons and flags: {@code hourly}, {@code daily}, ... */
  String label() {
    return label;
  }

  long key(ZonedDateTime t) {
    return switch (this) {
      case HOURLY -> t.getYear() * 1_000_000L + t.getMonthValue() * 10_000L
          + t.getDayOfMonth() * 100L + t.getHour();
      case DAILY -> t.getYear() * 10_000L + t.getMonthValue() * 100L + t.getDayOfMonth();
      case WEEKLY -> t.get(IsoFields.WEEK_BASED_YEAR) * 100L
          + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case MONTHLY -> t.getYear() * 100L + t.getMonthValue();
      case YEARLY -> t.getYear();
    };
  }
}

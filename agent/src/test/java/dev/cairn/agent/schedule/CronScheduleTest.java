package dev.cairn.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Instant berlin(String local) {
    return ZonedDateTime.of(LocalDateTime.parse(local), BERLIN).toInstant();
  }

  @Test
  void next_defaultExpressions_matchTheSeedsTimesInTheNodesZone() throws Exception {
    Instant friday = berlin("2026-05-08T13:15:00");
    assertThat(CronSchedule.parse("0 */6 * * *", BERLIN).next(friday)).contains(berlin("2026-05-08T18:00:00"));
    assertThat(CronSchedule.parse("0 2 * * *", BERLIN).next(friday)).contains(berlin("2026-05-09T02:00:00"));
    assertThat(CronSchedule.parse("0 3 * * 0", BERLIN).next(friday)).contains(berlin("2026-05-10T03:00:00"));
    assertThat(CronSchedule.parse("0 4 1 * *", BERLIN).next(friday)).contains(berlin("2026-06-01T04:00:00"));
  }

  @Test
  void next_slotInSpringForwardGap_runsRightAfterTheGapNotSkipped() throws Exception {
    CronSchedule daily = CronSchedule.parse("0 2 * * *", BERLIN);
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:00 does not exist that day.
    Instant slot = daily.next(berlin("2026-03-28T02:00:00")).orElseThrow();
    assertThat(slot).isEqualTo(Instant.parse("2026-03-29T01:00:00Z")); // 03:00 CEST
    assertThat(daily.next(slot)).contains(berlin("2026-03-30T02:00:00"));
  }

  @Test
  void next_slotInRepeatedAutumnHour_runsOnce() throws Exception {
    CronSchedule daily = CronSchedule.parse("30 2 * * *", BERLIN);
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice.
    Instant first = daily.next(berlin("2026-10-24T03:00:00")).orElseThrow();
    assertThat(first).isEqualTo(Instant.parse("2026-10-25T00:30:00Z")); // 02:30 CEST
    assertThat(daily.next(first)).contains(berlin("2026-10-26T02:30:00"));
  }

  @Test
  void latest_atASlot_includesIt() throws Exception {
    CronSchedule incremental = CronSchedule.parse("0 */6 * * *", BERLIN);
    assertThat(incremental.latest(berlin("2026-05-08T12:00:00"))).contains(berlin("2026-05-08T12:00:00"));
    assertThat(incremental.latest(berlin("2026-05-08T11:59:59"))).contains(berlin("2026-05-08T06:00:00"));
  }

  @Test
  void parse_invalidExpression_failsNamingItAndTheFormat() {
    assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *", BERLIN))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageContaining("'0 25 * * *'")
        .hasMessageContaining("minute hour day-of-month month day-of-week");
    assertThatThrownBy(() -> CronSchedule.parse("every day", BERLIN)).isInstanceOf(InvalidScheduleException.class);
  }
}

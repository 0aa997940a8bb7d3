package dev.cairn.agent.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionDurationTest {

  @ParameterizedTest
  @CsvSource({
    "1y2m3d4h, 1, 2, 3, 4, 1y2m3d4h",
    "7d, 0, 0, 7, 0, 7d",
    "36h, 0, 0, 0, 36, 36h",
    "4h3d, 0, 0, 3, 4, 3d4h",
    "1d2d, 0, 0, 2, 0, 2d",
    "' 5m ', 0, 5, 0, 0, 5m",
    "0d, 0, 0, 0, 0, 0h"
  })
  void parse_resticNotation_readsEachUnit(
      String text, int y, int m, int d, int h, String printed) throws Exception {
    RetentionDuration duration = RetentionDuration.parse(text);

    assertThat(duration).isEqualTo(new RetentionDuration(y, m, d, h));
    assertThat(duration.toString()).isEqualTo(printed);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "''|empty duration",
    "d|expected a number",
    "7|no unit after 7",
    "7x|invalid unit 'x'",
    "2w|84d for 12 weeks",
    "-1d|negative duration",
    "99999999999d|too large"
  })
  void parse_badText_saysWhatIsWrong(String text, String message) {
    assertThatThrownBy(() -> RetentionDuration.parse(text))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining(message);
  }

  @Test
  void before_endOfMonth_carriesOverflowingDaysLikeGo() {
    ZoneId utc = ZoneId.of("UTC");
    ZonedDateTime march31 = ZonedDateTime.of(2023, 3, 31, 12, 0, 0, 0, utc);

    // 2023-02-31 does not exist: Go normalizes it to 2023-03-03
    assertThat(new RetentionDuration(0, 1, 0, 0).before(march31))
        .isEqualTo(ZonedDateTime.of(2023, 3, 3, 12, 0, 0, 0, utc));
    // 2024-02-29 minus one year is "2023-02-29" = 2023-03-01
    assertThat(new RetentionDuration(1, 0, 0, 0)
        .before(ZonedDateTime.of(2024, 2, 29, 0, 0, 0, 0, utc)))
        .isEqualTo(ZonedDateTime.of(2023, 3, 1, 0, 0, 0, 0, utc));
    // days and months together, then hours as elapsed time
    assertThat(new RetentionDuration(0, 1, 14, 36).before(march31))
        .isEqualTo(ZonedDateTime.of(2023, 2, 16, 0, 0, 0, 0, utc));
  }

  @Test
  void before_acrossDst_subtractsHoursAsElapsedTime() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ZonedDateTime afterSpringForward = ZonedDateTime.of(2024, 3, 31, 4, 0, 0, 0, berlin);

    // 04:00 CEST minus 3 elapsed hours is 00:00 CET (02:00-03:00 local does not exist)
    assertThat(new RetentionDuration(0, 0, 0, 3).before(afterSpringForward).toInstant())
        .isEqualTo(ZonedDateTime.of(2024, 3, 31, 0, 0, 0, 0, berlin).toInstant());
    // one calendar day before is the same wall-clock time, 23 elapsed hours earlier
    assertThat(new RetentionDuration(0, 0, 1, 0).before(afterSpringForward))
        .isEqualTo(ZonedDateTime.of(2024, 3, 30, 4, 0, 0, 0, berlin));
  }

  @Test
  void before_landingInTheSpringForwardGap_resolvesItAsGoDoes() {
    ZoneId newYork = ZoneId.of("America/New_York");
    ZonedDateTime latest = ZonedDateTime.of(2025, 3, 16, 2, 30, 0, 0, newYork);

    // 02:30 on 9 March does not exist there; Go's time.Date gives 01:30 EST (06:30Z), as restic's
    // cutoff; ZonedDateTime.of would give 03:30 EDT (07:30Z) and remove snapshots restic keeps
    assertThat(new RetentionDuration(0, 0, 7, 0).before(latest).toInstant())
        .isEqualTo(java.time.Instant.parse("2025-03-09T06:30:00Z"));
  }

  @Test
  void before_landingInTheRepeatedAutumnHour_takesTheLaterOneAsGoDoes() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ZonedDateTime latest = ZonedDateTime.of(2025, 11, 2, 2, 30, 0, 0, berlin);

    // 02:30 on 26 October happens twice (00:30Z CEST, 01:30Z CET); Go's time.Date gives the CET one
    assertThat(new RetentionDuration(0, 0, 7, 0).before(latest).toInstant())
        .isEqualTo(java.time.Instant.parse("2025-10-26T01:30:00Z"));
  }

  @Test
  void before_ordinaryTimes_areUnchanged() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ZonedDateTime latest = ZonedDateTime.of(2025, 7, 10, 14, 15, 30, 123, berlin);

    assertThat(new RetentionDuration(0, 0, 7, 0).before(latest))
        .isEqualTo(ZonedDateTime.of(2025, 7, 3, 14, 15, 30, 123, berlin));
  }
}

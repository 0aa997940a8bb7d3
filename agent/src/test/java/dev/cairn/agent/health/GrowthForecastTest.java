package dev.cairn.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrowthForecastTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final long GIB = 1L << 30;
  private static final long MIB = 1L << 20;

  private static List<UsageSample> line(int count, Duration step, long start, long perStep) {
    List<UsageSample> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      samples.add(new UsageSample(T0.plus(step.multipliedBy(i)), start + perStep * i));
    }
    return samples;
  }

  @Test
  void fit_steadyGrowthOfOneMibPerHour_forecastsFreeBytesDividedByTheRate() {
    Growth growth = GrowthForecast.fit(line(24, Duration.ofHours(1), 10 * GIB, MIB), 48 * 24 * MIB, 3);
    assertThat(growth.bytesPerDay()).isCloseTo(24.0 * MIB, offset(1e-3));
    assertThat(growth.daysToFull()).isCloseTo(48.0, offset(1e-9));
  }

  @Test
  void fit_noisySamples_takesTheLeastSquaresSlopeNotTheLastStep() {
    // 0, 300, 100, 400, 200 bytes at days 0..4: sum(dx*dy) = 500, sum(dx^2) = 10, slope 50/day; the last step
    // alone is -200/day and the first two points +300/day
    List<UsageSample> samples = List.of(new UsageSample(T0, 0), new UsageSample(T0.plus(Duration.ofDays(1)), 300),
        new UsageSample(T0.plus(Duration.ofDays(2)), 100), new UsageSample(T0.plus(Duration.ofDays(3)), 400),
        new UsageSample(T0.plus(Duration.ofDays(4)), 200));
    Growth growth = GrowthForecast.fit(samples, 3_000, 3);
    assertThat(growth.bytesPerDay()).isCloseTo(50.0, offset(1e-9));
    assertThat(growth.daysToFull()).isCloseTo(60.0, offset(1e-9));
  }

  @Test
  void fit_shrinkingOrFlat_hasNoDaysToFull() {
    Growth shrinking = GrowthForecast.fit(line(5, Duration.ofHours(1), 10 * GIB, -GIB), GIB, 3);
    assertThat(shrinking.bytesPerDay()).isCloseTo(-24.0 * GIB, offset(1.0));
    assertThat(shrinking.daysToFull()).isEqualTo(-1);
    assertThat(GrowthForecast.fit(line(5, Duration.ofHours(1), GIB, 0), GIB, 3).daysToFull()).isEqualTo(-1);
  }

  @Test
  void fit_fewerThanMinimumOrOneInstant_isUnknown() {
    assertThat(GrowthForecast.fit(line(2, Duration.ofHours(1), 0, 100), GIB, 3)).isEqualTo(Growth.UNKNOWN);
    assertThat(GrowthForecast.fit(line(4, Duration.ZERO, 0, 100), GIB, 3)).isEqualTo(Growth.UNKNOWN);
  }

  @Test
  void fit_noFreeBytesLeft_isFullNow() {
    assertThat(GrowthForecast.fit(line(3, Duration.ofDays(1), 0, 100), 0, 3).daysToFull()).isZero();
  }
}

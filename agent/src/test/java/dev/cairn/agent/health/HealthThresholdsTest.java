package dev.cairn.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HealthThresholdsTest {

  @ParameterizedTest
  @CsvSource({"0, OK", "79.9, OK", "80, WARNING", "89.99, WARNING", "90, CRITICAL", "100, CRITICAL"})
  void statusOf_defaultThresholds_followsTheSeed(double percent, VolumeStatus expected) {
    assertThat(HealthThresholds.DEFAULTS.statusOf(percent)).isEqualTo(expected);
  }

  @Test
  void new_warningNotBelowCritical_isRejectedWithTheValues() {
    assertThatThrownBy(() -> new HealthThresholds(90, 80))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("90.0 and 80.0");
  }
}

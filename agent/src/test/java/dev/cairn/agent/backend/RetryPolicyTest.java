package dev.cairn.agent.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(3), 2.0, 0.5);

  @Test
  void delayAfter_noJitter_doublesUntilTheCap() {
    assertThat(policy.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.delayAfter(2, 0.0)).isEqualTo(Duration.ofMillis(1000));
    assertThat(policy.delayAfter(3, 0.0)).isEqualTo(Duration.ofMillis(2000));
    assertThat(policy.delayAfter(4, 0.0)).isEqualTo(Duration.ofMillis(3000));
    assertThat(policy.delayAfter(40, 0.0)).isEqualTo(Duration.ofMillis(3000));
  }

  @Test
  void delayAfter_fullJitter_shortensByAtMostTheJitterFraction() {
    assertThat(policy.delayAfter(2, 0.999)).isBetween(Duration.ofMillis(500),
        Duration.ofMillis(1000));
    assertThat(policy.delayAfter(2, 0.5)).isEqualTo(Duration.ofMillis(750));
  }

  @Test
  void standard_isBoundedToAboutAMinute() {
    RetryPolicy standard = RetryPolicy.standard();
    Duration total = Duration.ZERO;
    for (int n = 1; n < standard.maxAttempts(); n++) {
      total = total.plus(standard.delayAfter(n, 0.0));
    }
    assertThat(total).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(120));
  }

  @Test
  void constructor_nonsense_isRejected() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 2, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), 2,
        0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 0.5, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 2, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.cairn.agent.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void next_withoutJitter_doublesFromOneSecondUpToSixty() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2, 0, new Random(1));
    List<Long> seconds = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      seconds.add(backoff.next().toSeconds());
    }
    assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
  }

  @Test
  void next_protocolDefaults_staysWithinTwentyPercentOfTheNominalDelay() {
    Backoff backoff = LinkOptions.DEFAULTS.newBackoff(new Random(7));
    double nominal = 1000;
    for (int i = 0; i < 50; i++) {
      long delay = backoff.next().toMillis();
      assertThat(delay).isBetween(Math.round(nominal * 0.8), Math.round(nominal * 1.2));
      nominal = Math.min(nominal * 2, 60_000);
    }
  }

  @Test
  void next_jitter_spreadsAgentsThatStartTogether() {
    List<Long> firstDelays = new ArrayList<>();
    for (int seed = 0; seed < 20; seed++) {
      firstDelays.add(LinkOptions.DEFAULTS.newBackoff(new Random(new java.util.SplittableRandom(seed).nextLong()))
          .next().toMillis());
    }
    assertThat(firstDelays.stream().distinct().count()).isGreaterThan(10);
  }

  @Test
  void reset_afterGrowing_startsOverAtTheInitialDelay() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2, 0, new Random(1));
    backoff.next();
    backoff.next();
    backoff.next();
    backoff.reset();
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void new_maxBelowInitial_isRejected() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), 2, 0.2, new Random()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial <= max");
  }
}

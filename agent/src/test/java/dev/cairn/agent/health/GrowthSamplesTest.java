package dev.cairn.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowthSamplesTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final GrowthWindow WINDOW = new GrowthWindow(Duration.ofHours(1), 3, 2);

  @TempDir Path dir;

  @Test
  void record_closerThanTheSpacingOrBeyondCapacity_keepsOnePerSpacingAndTheNewest() {
    GrowthSamples samples = GrowthSamples.inMemory(WINDOW);
    samples.record("data", T0, 1);
    samples.record("data", T0.plus(Duration.ofMinutes(30)), 2);
    samples.record("data", T0.minus(Duration.ofHours(5)), 3);
    for (int h = 1; h <= 3; h++) {
      samples.record("data", T0.plus(Duration.ofHours(h)), 10 * h);
    }
    assertThat(samples.samples("data")).extracting(UsageSample::usedBytes).containsExactly(10L, 20L, 30L);
  }

  @Test
  void save_thenOpen_survivesARestartAndForgetsRetiredVolumes() throws IOException {
    GrowthSamples samples = GrowthSamples.open(dir, WINDOW);
    samples.record("data", T0, 100);
    samples.record("data", T0.plus(Duration.ofHours(1)), 200);
    samples.record("old", T0, 5);
    samples.retain(List.of("data"));
    samples.save();

    GrowthSamples reopened = GrowthSamples.open(dir, WINDOW);
    assertThat(reopened.samples("data")).containsExactly(new UsageSample(T0, 100),
        new UsageSample(T0.plus(Duration.ofHours(1)), 200));
    assertThat(reopened.samples("old")).isEmpty();
  }

  @Test
  void open_damagedFile_startsOverAndKeepsTheFileAside() throws IOException {
    GrowthSamples samples = GrowthSamples.open(dir, WINDOW);
    samples.record("data", T0, 100);
    samples.save();
    Path file = dir.resolve(GrowthSamples.FILE);
    byte[] bytes = Files.readAllBytes(file);
    bytes[5] ^= 1;
    Files.write(file, bytes);

    assertThat(GrowthSamples.open(dir, WINDOW).samples("data")).isEmpty();
    assertThat(dir.resolve(GrowthSamples.FILE + ".damaged")).exists();
  }
}

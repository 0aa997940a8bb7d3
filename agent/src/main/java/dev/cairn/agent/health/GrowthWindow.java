package dev.cairn.agent.health;

import java.time.Duration;

/**
 * Which usage samples are kept for growth forecasts: at most one per {@code spacing}, the newest
 * {@code capacity} per volume (the window is {@code spacing × capacity}), and at least {@code
 * minSamples} before a forecast is made. Immutable.
 */
public record GrowthWindow(Duration spacing, int capacity, int minSamples) {

  /** One sample an hour for seven days; a forecast once three samples (two hours) are there. */
  public static final GrowthWindow DEFAULT = new GrowthWindow(Duration.ofHours(1), 168, 3);

  public GrowthWindow {
    if (spacing.isNegative() || capacity < 2 || minSamples < 2 || minSamples > capacity) {
      throw new IllegalArgumentException("growth window needs spacing >= 0 and 2 <= minSamples <= capacity, got "
          + spacing + ", " + minSamples + ", " + capacity);
    }
  }
}

package dev.cairn.agent.health;

import java.util.List;

/**
 * The growth rate of a volume from its usage samples, by ordinary least squares: the slope of the
 * straight line that best fits (time, used bytes), in bytes per day, and the forecast days until
 * the filesystem's free bytes are used up at that rate ({@code free / slope}). A fit over the whole
 * sample window smooths out short bursts (a large temporary file, a vacuum) that the newest two
 * samples alone would turn into alarms. Stateless.
 */
public final class GrowthForecast {

  private static final double SECONDS_PER_DAY = 86_400;

  private GrowthForecast() {}

  /**
   * Fits {@code samples} (any order); {@link Growth#UNKNOWN} with fewer than {@code minSamples} or
   * when they all share one instant.
   */
  public static Growth fit(List<UsageSample> samples, long freeBytes, int minSamples) {
    if (samples.size() < Math.max(2, minSamples)) {
      return Growth.UNKNOWN;
    }
    long origin = samples.get(0).at().getEpochSecond();
    double meanX = 0;
    double meanY = 0;
    for (UsageSample s : samples) {
      meanX += (s.at().getEpochSecond() - origin) / SECONDS_PER_DAY;
      meanY += s.usedBytes();
    }
    meanX /= samples.size();
    meanY /= samples.size();
    double covariance = 0;
    double variance = 0;
    for (UsageSample s : samples) {
      double dx = (s.at().getEpochSecond() - origin) / SECONDS_PER_DAY - meanX;
      covariance += dx * (s.usedBytes() - meanY);
      variance += dx * dx;
    }
    if (variance == 0) {
      return Growth.UNKNOWN;
    }
    double slope = covariance / variance;
    return new Growth(slope, slope > 0 ? Math.max(0, freeBytes) / slope : -1);
  }
}

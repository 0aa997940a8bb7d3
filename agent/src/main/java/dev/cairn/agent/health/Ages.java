package dev.cairn.agent.health;

import java.time.Duration;

/** Short human forms of durations ({@code 45s}, {@code 12m}, {@code 5h}, {@code 3d}). Stateless. */
public final class Ages {

  private Ages() {}

  /** The largest whole unit of {@code age}; negative ages read as 0s. */
  public static String describe(Duration age) {
    long seconds = Math.max(0, age.toSeconds());
    if (seconds < 120) {
      return seconds + "s";
    }
    if (seconds < 7200) {
      return seconds / 60 + "m";
    }
    if (seconds < 2 * 86400) {
      return seconds / 3600 + "h";
    }
    return seconds / 86400 + "d";
  }
}

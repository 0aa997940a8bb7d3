package dev.cairn.agent.health;

import java.util.Locale;

/** Byte counts in binary units with one decimal ({@code 1.5 GiB}). Stateless. */
public final class Sizes {

  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private Sizes() {}

  /** {@code bytes} in the largest unit that keeps the number at least 1. */
  public static String bytes(long bytes) {
    long magnitude = Math.abs(bytes);
    if (magnitude < 1024) {
      return bytes + " B";
    }
    int unit = (63 - Long.numberOfLeadingZeros(magnitude)) / 10;
    return String.format(Locale.ROOT, "%.1f %s", bytes / Math.pow(1024, unit), UNITS[unit]);
  }
}

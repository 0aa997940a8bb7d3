package dev.cairn.cli.snapshot;

import java.util.Locale;

/** Human-readable byte counts and durations for command output. */
final class Sizes {

  private Sizes() {}

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = n;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.2f s", s);
  }

  static String ratio(double r) {
    return Double.isInfinite(r) ? "∞" : String.format(Locale.ROOT, "%.2fx", r);
  }
}

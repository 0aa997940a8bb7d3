package dev.cairn.cli.snapshot;

import java.util.Locale;

/** Human-readable byte counts and durations for command output. */
final class Sizes {

  private Sizes() {}

  static String bytes(long n) {
    return dev.cairn.agent.health.Sizes.bytes(n);
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.2f s", s);
  }

  static String ratio(double r) {
    return Double.isInfinite(r) ? "∞" : String.format(Locale.ROOT, "%.2fx", r);
  }
}

package dev.cairn.agent.health;

/**
 * How fast a volume grows and when its filesystem will be full at that pace. {@code bytesPerDay}
 * is 0 and {@code daysToFull} -1 when unknown (too few samples); {@code daysToFull} is also -1 when
 * the volume is not growing. Immutable.
 */
public record Growth(double bytesPerDay, double daysToFull) {

  /** Not known yet. */
  public static final Growth UNKNOWN = new Growth(0, -1);
}

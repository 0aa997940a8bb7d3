package dev.cairn.agent.health;

/** How close a volume's filesystem is to full. */
public enum VolumeStatus {
  OK,
  WARNING,
  CRITICAL;

  /** The worse of two statuses. */
  public VolumeStatus worse(VolumeStatus other) {
    return compareTo(other) >= 0 ? this : other;
  }
}

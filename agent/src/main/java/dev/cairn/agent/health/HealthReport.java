package dev.cairn.agent.health;

import java.time.Instant;
import java.util.List;

/** The health of every volume at one instant. Immutable. */
public record HealthReport(Instant at, List<VolumeHealth> volumes) {

  public HealthReport {
    volumes = List.copyOf(volumes);
  }

  /** The worst status of any volume ({@code OK} when there are none). */
  public VolumeStatus worst() {
    return volumes.stream().map(VolumeHealth::status).reduce(VolumeStatus.OK, VolumeStatus::worse);
  }
}

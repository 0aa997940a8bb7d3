package dev.cairn.controller.model;

import java.time.Instant;
import java.util.List;

/** The latest health report of a node, as the agent measured it at {@code at}. Immutable. */
public record HealthRecord(Instant at, List<VolumeHealthRecord> volumes) {
  public HealthRecord {
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
  }
}

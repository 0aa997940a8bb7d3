package dev.cairn.agent.health;

import java.util.List;
import java.util.Objects;

/**
 * The health of one volume directory: bytes used under it, its filesystem's capacity and free
 * bytes, the filesystem's inode use, the resulting status and the reasons for it. {@code
 * inodesUsedPercent} is -1 when unknown (a problem then says why). Immutable.
 */
public record VolumeHealth(String path, String name, String service, long usedBytes, long capacityBytes,
    long freeBytes, double inodesUsedPercent, VolumeStatus status, List<String> problems) {

  public VolumeHealth {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(status, "status");
    problems = List.copyOf(problems);
  }
}

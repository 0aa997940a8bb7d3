package dev.cairn.controller.model;

import java.util.List;

/** Health of one volume or base directory; {@code status} is {@code ok|warning|critical}. */
public record VolumeHealthRecord(
    String path,
    String name,
    String service,
    long usedBytes,
    long capacityBytes,
    long freeBytes,
    double inodesUsedPercent,
    String status,
    List<String> problems) {
  public VolumeHealthRecord {
    problems = problems == null ? List.of() : List.copyOf(problems);
  }
}

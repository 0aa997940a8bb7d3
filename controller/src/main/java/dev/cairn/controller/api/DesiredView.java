package dev.cairn.controller.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * A node's or group's own desired-state document ({@code version} 0 and an empty {@code spec}
 * if none was set). For nodes, {@code groups} and the merged {@code effective} state are added.
 */
public record DesiredView(
    String scope,
    String name,
    long version,
    Instant updated,
    String updatedBy,
    ObjectNode spec,
    List<String> groups,
    Effective effective) {

  /** The merged document the node's agent receives. */
  public record Effective(long version, ObjectNode spec) {}
}

package dev.cairn.controller.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * A node's or group's own desired-state document ({@code version} 0 and an empty {@code spec}
 * if none was set). For nodes, {@code groups}, the inventory document {@code inventory} (null
 * when the inventory never listed the node) and the merged {@code effective} state are added.
 */
public record DesiredView(
    String scope,
    String name,
    long version,
    Instant updated,
    String updatedBy,
    ObjectNode spec,
    List<String> groups,
    @JsonInclude(JsonInclude.Include.NON_NULL) Inventory inventory,
    Effective effective) {

  /** The merged document the node's agent receives. */
  public record Effective(long version, ObjectNode spec) {}

  /** The node's document as the applied inventory resolved it: the base of its effective state. */
  public record Inventory(long version, Instant updated, ObjectNode spec) {}
}

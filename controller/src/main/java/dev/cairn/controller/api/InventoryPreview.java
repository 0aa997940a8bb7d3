package dev.cairn.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What applying an inventory version would change, node by node, against what the nodes have
 * now ({@code appliedVersion}: the inventory applied now, null if none). Only nodes with a change
 * are listed; {@code counts} summarise all. {@code problems} (each {@code node: ...}) make the
 * version impossible to apply.
 */
public record InventoryPreview(
    long version, Long appliedVersion, Counts counts, List<NodeChange> nodes,
    List<String> problems) {

  public InventoryPreview {
    nodes = List.copyOf(nodes);
    problems = List.copyOf(problems);
  }

  /**
   * How nodes fare: {@code added} (new to the inventory), {@code updated} (listed before, desired
   * state or groups change), {@code unchanged}, {@code orphaned} (dropped by this version), {@code
   * flagged} (enrolled, in no inventory).
   */
  public record Counts(int hosts, int added, int updated, int unchanged, int orphaned, int flagged) {}

  /**
   * One node: {@code action} is {@code add|update|orphan|flag}; {@code changes} are the effective
   * desired state's changes ({@code volumes[pg-data].mode}, before, after).
   */
  public record NodeChange(
      String node, String action, boolean enrolled, List<String> groupsBefore,
      List<String> groupsAfter, List<Change> changes, List<String> problems) {
    public NodeChange {
      groupsBefore = List.copyOf(groupsBefore);
      groupsAfter = List.copyOf(groupsAfter);
      changes = List.copyOf(changes);
      problems = List.copyOf(problems);
    }
  }

  /** One changed value; {@code before}/{@code after} null when absent. */
  public record Change(String path, JsonNode before, JsonNode after) {}
}

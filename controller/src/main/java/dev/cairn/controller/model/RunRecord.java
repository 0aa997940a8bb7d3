package dev.cairn.controller.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A fleet run: one command fanned out to the nodes a host pattern matched. Each host has its own
 * command ({@code commandId}) or, if none could be queued, a {@code skipped} reason. {@code
 * status} is {@code running} until every host has a result ({@code completed}) or {@code
 * notAfter} passes ({@code expired}); {@code ended} and the hosts' {@code finalStatus} are fixed
 * then. Immutable.
 */
public record RunRecord(
    String id,
    String pattern,
    String kind,
    JsonNode arguments,
    Instant created,
    String createdBy,
    Instant notAfter,
    List<String> warnings,
    List<RunHost> hosts,
    String status,
    Instant ended) {

  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String EXPIRED = "expired";

  public RunRecord {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    hosts = hosts == null ? List.of() : List.copyOf(hosts);
  }

  /** One matched node: its command, or why none was queued. */
  public record RunHost(String node, String commandId, String skipped, String finalStatus) {
    public RunHost withFinalStatus(String status) {
      return new RunHost(node, commandId, skipped, status);
    }
  }

  public boolean running() {
    return RUNNING.equals(status);
  }

  public RunRecord ended(String newStatus, Instant at, List<RunHost> finalHosts) {
    return new RunRecord(id, pattern, kind, arguments, created, createdBy, notAfter, warnings,
        finalHosts, newStatus, at);
  }
}

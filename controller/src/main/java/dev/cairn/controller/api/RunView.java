package dev.cairn.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A fleet run: {@code status} {@code running|completed|expired}, per-host status and result, and
 * counts of hosts per status.
 */
public record RunView(
    String id,
    String pattern,
    String kind,
    JsonNode arguments,
    String status,
    Instant created,
    String createdBy,
    Instant notAfter,
    Instant ended,
    List<String> warnings,
    Counts counts,
    List<Host> hosts) {

  public RunView {
    warnings = List.copyOf(warnings);
    hosts = List.copyOf(hosts);
  }

  /** Hosts per status; each host counts once. */
  public record Counts(
      int total, int ok, int changed, int failed, int skipped, int pending, int expired) {}

  /**
   * One host: {@code status} {@code pending|ok|changed|failed|skipped|expired}; {@code outcome}
   * and {@code message} from the agent's result; {@code reason} says why it is pending or skipped
   * ({@code unreachable since ...}).
   */
  public record Host(
      String node,
      String status,
      String commandId,
      String outcome,
      String message,
      String reason,
      boolean connected,
      Instant lastSeen,
      Instant finished) {}
}

package dev.cairn.controller.model;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the fleet's append-only event log: sent by an agent or raised by the controller
 * itself ({@code node.enrolled}, {@code node.revoked}, ...). {@code position} orders the log and
 * is assigned when the event is stored. Immutable.
 */
public record EventRecord(
    long position,
    String node,
    String id,
    String kind,
    String severity,
    String message,
    Map<String, String> attributes,
    Instant at,
    Instant received) {
  public EventRecord {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public EventRecord withPosition(long newPosition) {
    return new EventRecord(newPosition, node, id, kind, severity, message, attributes, at,
        received);
  }
}

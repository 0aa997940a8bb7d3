package dev.cairn.controller.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A command queued for one node at position {@code seq} of its queue. {@code payload} is the
 * serialized {@code cairn.v1.Command} exactly as it is sent; {@code arguments} is the operator's
 * JSON, kept for display. {@code result} is joined in from the results column family on read.
 * Immutable.
 */
public record CommandRecord(
    String id,
    String node,
    long seq,
    String kind,
    JsonNode arguments,
    byte[] payload,
    Instant created,
    Instant notAfter,
    String createdBy,
    CommandStatus status,
    Instant updated,
    ResultRecord result) {

  public CommandRecord withStatus(CommandStatus newStatus, Instant at) {
    return new CommandRecord(id, node, seq, kind, arguments, payload, created, notAfter,
        createdBy, newStatus, at, result);
  }

  public CommandRecord withResult(ResultRecord newResult) {
    return new CommandRecord(id, node, seq, kind, arguments, payload, created, notAfter,
        createdBy, status, updated, newResult);
  }

  /** True when the command has an expiry and it lies before {@code now}. */
  public boolean expiredAt(Instant now) {
    return notAfter != null && notAfter.isBefore(now);
  }
}

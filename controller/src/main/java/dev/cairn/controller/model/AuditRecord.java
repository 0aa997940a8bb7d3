package dev.cairn.controller.model;

import java.time.Instant;

/**
 * One entry of the append-only audit log: who ({@code actor}, the API token's name and id) did
 * what ({@code action}, e.g. {@code POST /api/v1/nodes/a/commands}) when, and the outcome (HTTP
 * status and error code, or {@code ok}).
 */
public record AuditRecord(
    long position,
    Instant at,
    String actor,
    String role,
    String action,
    int status,
    String outcome,
    String detail,
    String remoteAddress) {
  public AuditRecord withPosition(long newPosition) {
    return new AuditRecord(newPosition, at, actor, role, action, status, outcome, detail,
        remoteAddress);
  }
}

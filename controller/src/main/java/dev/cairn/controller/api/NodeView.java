package dev.cairn.controller.api;

import dev.cairn.controller.model.HealthRecord;
import java.time.Instant;
import java.util.List;

/**
 * A node as {@code GET /api/v1/nodes} shows it; {@code health} is null before the first report.
 * {@code inInventory}: listed by the applied inventory; {@code orphaned}: dropped by it after an
 * earlier one listed it; {@code flaggedAt}: when it was found enrolled but not listed by the
 * applied inventory (null otherwise); {@code stale}: not heard from for longer than {@code
 * staleAfterSeconds}.
 */
public record NodeView(
    String name,
    boolean connected,
    Instant lastSeen,
    String agentVersion,
    String hostname,
    boolean enrolled,
    Instant enrolledAt,
    boolean revoked,
    List<String> groups,
    long desiredVersion,
    long appliedVersion,
    String appliedOutcome,
    String appliedMessage,
    boolean inInventory,
    boolean orphaned,
    Instant orphanedAt,
    Instant flaggedAt,
    boolean retired,
    Instant retiredAt,
    boolean stale,
    long staleAfterSeconds,
    HealthRecord health) {}

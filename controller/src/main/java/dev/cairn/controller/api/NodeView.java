package dev.cairn.controller.api;

import dev.cairn.controller.model.HealthRecord;
import java.time.Instant;
import java.util.List;

/** A node as {@code GET /api/v1/nodes} shows it; {@code health} is null before the first report. */
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
    HealthRecord health) {}

package dev.cairn.controller.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One version of a node's or a group's own desired-state document. {@code version} comes from the
 * controller's single, strictly increasing desired-state counter. Treat {@code spec} as read-only.
 */
public record DesiredRecord(
    DesiredScope scope, String name, long version, Instant updated, String updatedBy,
    ObjectNode spec) {}

package dev.cairn.controller.api;

import java.time.Instant;
import java.util.Map;

/**
 * An alert of a node: {@code key} identifies the condition ({@code volume-capacity:/opt/ai-q/data}),
 * {@code alert} is its kind, {@code level} {@code warning|critical}; {@code clearedAt} is null
 * while it is raised.
 */
public record AlertView(
    String node,
    String key,
    String alert,
    String level,
    Instant since,
    Instant updated,
    String message,
    String volume,
    String path,
    Map<String, String> attributes,
    Instant clearedAt) {}

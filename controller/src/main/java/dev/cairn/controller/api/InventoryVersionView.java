package dev.cairn.controller.api;

import java.time.Instant;
import java.util.List;

/**
 * One uploaded inventory version: its files and summary; {@code current} is true for the version
 * applied last; {@code appliedAt}/{@code appliedBy} say when it was last applied (null: never).
 */
public record InventoryVersionView(
    long version,
    Instant uploaded,
    String uploadedBy,
    String format,
    String source,
    String sha256,
    long sizeBytes,
    List<String> files,
    int hosts,
    int groups,
    List<String> warnings,
    boolean current,
    Instant appliedAt,
    String appliedBy) {}

package dev.cairn.controller.model;

import java.time.Instant;
import java.util.List;

/**
 * One uploaded inventory, kept for good: who uploaded what when, its files (paths relative to the
 * inventory root; {@code source} is the file or directory that is loaded), a summary of what it
 * holds, and when it was last applied (null: never). The files' bytes are stored beside it.
 * Immutable.
 */
public record InventoryVersionRecord(
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
    Instant appliedAt,
    String appliedBy) {

  public InventoryVersionRecord {
    files = files == null ? List.of() : List.copyOf(files);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  public InventoryVersionRecord withApplied(Instant at, String by) {
    return new InventoryVersionRecord(version, uploaded, uploadedBy, format, source, sha256,
        sizeBytes, files, hosts, groups, warnings, at, by);
  }
}

package dev.cairn.agent.snapshot;

import java.util.List;

/**
 * The outcome of {@code verify}: what was checked, errors (damage), warnings (harmless
 * leftovers), and exactly which snapshots and files are damaged. Immutable.
 */
public record VerifyReport(
    int snapshots,
    int indexFiles,
    int packs,
    int blobs,
    int packsRead,
    long bytesRead,
    List<String> errors,
    List<String> warnings,
    List<DamagedSnapshot> damaged,
    double seconds) {

  public VerifyReport {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    damaged = List.copyOf(damaged);
  }

  /** Whether the repository is healthy: no errors and no damaged snapshot. */
  public boolean healthy() {
    return errors.isEmpty() && damaged.isEmpty();
  }
}

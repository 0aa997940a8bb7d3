package dev.cairn.agent.snapshot;

import java.util.List;

/**
 * Evidence of an automated restore test: the snapshot, what was restored and checked against the
 * manifest's hashes, how long it took, and every mismatch. Immutable.
 */
public record RestoreTestReport(
    String snapshot, String volume, long files, long bytes, long dirs, long symlinks, double seconds,
    List<String> failures) {

  public RestoreTestReport {
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return failures.isEmpty();
  }
}

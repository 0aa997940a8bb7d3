package dev.cairn.agent.snapshot;

import java.util.List;

/**
 * The outcome of a restore: counts, and the files that are damaged (content missing or failing
 * authentication; the rest of the file is restored) or could not be created. Immutable.
 */
public record RestoreResult(
    long files, long dirs, long links, long bytes, List<String> damaged, List<String> errors, double seconds) {

  public RestoreResult {
    damaged = List.copyOf(damaged);
    errors = List.copyOf(errors);
  }

  /** Whether every selected file came back whole. */
  public boolean ok() {
    return damaged.isEmpty() && errors.isEmpty();
  }
}

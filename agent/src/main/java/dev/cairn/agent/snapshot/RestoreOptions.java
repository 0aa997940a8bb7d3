package dev.cairn.agent.snapshot;

import java.util.List;

/**
 * What to restore: glob patterns over paths inside the snapshot (empty = everything; a matching
 * directory brings its whole subtree), the number of threads, and whether large files are synced to
 * disk as they complete ({@link WriteBack}; off for a scratch restore that is deleted right after).
 * Immutable.
 */
public record RestoreOptions(List<String> includes, int workers, boolean sync) {

  public RestoreOptions {
    includes = List.copyOf(includes);
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
  }

  /**
   * Syncing as the default: on unless {@code -Dcairn.restore.sync=false}, which leaves large files to
   * the kernel's writeback like small ones (for measurements: docs/snapshots.md, § Performance).
   */
  public RestoreOptions(List<String> includes, int workers) {
    this(includes, workers, Boolean.parseBoolean(System.getProperty("cairn.restore.sync", "true")));
  }

  public static RestoreOptions all() {
    return new RestoreOptions(List.of(), Runtime.getRuntime().availableProcessors());
  }

  public static RestoreOptions including(List<String> globs) {
    return new RestoreOptions(globs, Runtime.getRuntime().availableProcessors());
  }

  /** The same, without syncing: for a scratch restore whose files are deleted right after. */
  public RestoreOptions withoutSync() {
    return new RestoreOptions(includes, workers, false);
  }
}

package dev.cairn.agent.snapshot;

import java.util.List;

/**
 * What to restore: glob patterns over paths inside the snapshot (empty = everything; a matching
 * directory brings its whole subtree) and the number of threads. Immutable.
 */
public record RestoreOptions(List<String> includes, int workers) {

  public RestoreOptions {
    includes = List.copyOf(includes);
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
  }

  public static RestoreOptions all() {
    return new RestoreOptions(List.of(), Runtime.getRuntime().availableProcessors());
  }

  public static RestoreOptions including(List<String> globs) {
    return new RestoreOptions(globs, Runtime.getRuntime().availableProcessors());
  }
}

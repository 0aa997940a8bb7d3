package dev.cairn.agent.backend;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A backend opened from a repository location, with the local directory where pack files are
 * staged before they are saved: on the repository's own filesystem for a local backend (saving a
 * pack is then a rename), a process-private {@link TemporaryStaging} directory for a remote one
 * (deleted by {@link #close()}). Immutable.
 */
public record OpenedBackend(Backend backend, Path stagingDirectory, boolean temporaryStaging) implements Closeable {

  /** A backend whose staging directory belongs to the repository (it outlives this object). */
  public OpenedBackend(Backend backend, Path stagingDirectory) {
    this(backend, stagingDirectory, false);
  }

  @Override
  public void close() throws IOException {
    try {
      backend.close();
    } finally {
      if (temporaryStaging) {
        TemporaryStaging.delete(stagingDirectory);
      }
    }
  }
}

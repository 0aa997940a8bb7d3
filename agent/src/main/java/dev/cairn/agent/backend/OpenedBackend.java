package dev.cairn.agent.backend;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A backend opened from a repository URL, with the local directory where pack files are staged
 * (on the repository's filesystem for a local backend, so saving a pack is a rename). Immutable.
 */
public record OpenedBackend(Backend backend, Path stagingDirectory) implements Closeable {

  @Override
  public void close() throws IOException {
    backend.close();
  }
}

package dev.cairn.agent.job;

import dev.cairn.agent.backend.OpenedBackend;
import dev.cairn.agent.repository.Repository;
import java.io.IOException;

/** A repository opened for one job, with the backend to close after it. Not thread-safe. */
public record OpenedRepository(Repository repository, OpenedBackend backend) implements AutoCloseable {

  @Override
  public void close() throws IOException {
    backend.close();
  }
}

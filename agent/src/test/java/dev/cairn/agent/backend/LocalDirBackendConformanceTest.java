package dev.cairn.agent.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Runs {@link BackendConformanceTest} against {@link LocalDirBackend} on a fresh directory, and
 * checks that failed saves leave no temporary file in its staging directory.
 */
class LocalDirBackendConformanceTest extends BackendConformanceTest {

  private LocalDirBackend local;

  @Override
  protected Backend newBackend() throws Exception {
    local = LocalDirBackend.open(Files.createTempDirectory(scratch, "repo"), true);
    return local;
  }

  @Override
  protected void assertNoLeftovers(Backend backend) throws Exception {
    Path staging = local.stagingDirectory();
    if (Files.isDirectory(staging)) {
      try (Stream<Path> left = Files.list(staging)) {
        assertThat(left).as("temporary files left in %s", staging).isEmpty();
      }
    }
  }
}

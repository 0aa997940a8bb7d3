package dev.cairn.agent.image.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.image.oci.Digest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingAreaTest {

  @TempDir Path dir;

  @Test
  void write_thenAwaitDurable_holdsTheBytesUnderTheirDigest() throws Exception {
    byte[] content = new byte[3 << 20];
    new Random(7).nextBytes(content);
    try (StagingArea staging = new StagingArea(dir.resolve("s"))) {
      StagedBlob blob = staging.write(new ByteArrayInputStream(content));
      staging.awaitDurable();

      assertThat(blob.digest()).isEqualTo(Digest.of(content));
      assertThat(blob.size()).isEqualTo(content.length);
      assertThat(Files.readAllBytes(blob.file())).isEqualTo(content);
      assertThat(staging.bytesWritten()).isEqualTo(content.length);
    }
    assertThat(dir.resolve("s")).doesNotExist();
  }

  @Test
  void close_withoutAwaitDurable_deletesEveryStagedBlob() throws Exception {
    Path file;
    try (StagingArea staging = new StagingArea(dir.resolve("s"))) {
      file = staging.write(new ByteArrayInputStream(new byte[1 << 20])).file();
      assertThat(file).exists();
    }
    assertThat(file).doesNotExist();
    assertThat(dir.resolve("s")).doesNotExist();
  }
}

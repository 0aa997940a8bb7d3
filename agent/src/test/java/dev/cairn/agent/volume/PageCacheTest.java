package dev.cairn.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageCacheTest {

  @TempDir Path tmp;

  @Test
  void release_syncedFile_dropsItsPagesFromTheCache() throws Exception {
    assumeTrue(Residency.releasable(tmp), "the page cache of a tmpfs cannot be released");
    Path file = tmp.resolve("data.bin");
    byte[] data = new byte[4 << 20];
    new Random(1).nextBytes(data);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(data));
      ch.force(false);
    }
    assertThat(Residency.residentPages(file)).as("pages cached after the write").isGreaterThan(512);

    assertThat(PageCache.available()).isTrue();
    assertThat(PageCache.release(file)).isTrue();

    assertThat(Residency.residentPages(file)).as("pages cached after release").isZero();
  }

  @Test
  void release_missingFile_isFalseNotAnError() {
    assertThat(PageCache.release(tmp.resolve("absent"))).isFalse();
  }
}

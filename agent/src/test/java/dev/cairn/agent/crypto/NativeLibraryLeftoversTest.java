package dev.cairn.agent.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryLeftoversTest {

  @TempDir Path tmp;

  private Path leftover(String suffix, Duration age, boolean withSubdirectory) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve(NativeLibraryLeftovers.PREFIX + suffix));
    Files.write(dir.resolve("libamazonCorrettoCryptoProvider.so"), new byte[1024]);
    if (withSubdirectory) {
      Files.createDirectory(dir.resolve("nested"));
    }
    Files.setLastModifiedTime(dir, FileTime.from(Instant.now().minus(age)));
    return dir;
  }

  @Test
  void sweep_removesOldFlatLeftoversOnly() throws Exception {
    Path old = leftover("1234", Duration.ofHours(5), false);
    Path loadingNow = leftover("5678", Duration.ofSeconds(2), false);
    Path unexpected = leftover("9012", Duration.ofHours(5), true);
    Path other = Files.createDirectory(tmp.resolve("someone-elses.1234"));
    Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofDays(3))));

    assertThat(NativeLibraryLeftovers.sweep(tmp, Instant.now())).containsExactly(old);

    assertThat(old).doesNotExist();
    assertThat(loadingNow).as("a load may be running").exists();
    assertThat(unexpected).as("not what ACCP leaves").exists();
    assertThat(other).exists();
  }

  @Test
  void sweep_missingDirectory_removesNothing() {
    assertThat(NativeLibraryLeftovers.sweep(tmp.resolve("absent"), Instant.now())).isEmpty();
  }
}

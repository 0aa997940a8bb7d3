package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallFileReaderTest {

  @TempDir
  Path dir;

  @Test
  void read_fileShrankSinceTheScan_returnsWhatIsThere() throws IOException {
    Path file = Files.write(dir.resolve("f"), new byte[] {1, 2, 3});
    byte[] buffer = new byte[16];
    Arrays.fill(buffer, (byte) 9);

    int n = SmallFileReader.read(file, buffer, 10);

    assertThat(n).isEqualTo(3);
    assertThat(Arrays.copyOf(buffer, 3)).containsExactly(1, 2, 3);
  }

  @Test
  void read_fileGrewSinceTheScan_readsOnlyTheScannedSize() throws IOException {
    Path file = Files.write(dir.resolve("f"), new byte[] {1, 2, 3, 4, 5});

    assertThat(SmallFileReader.read(file, new byte[8], 2)).isEqualTo(2);
  }

  @Test
  void read_symlink_isNotFollowed() throws IOException {
    Path target = Files.write(dir.resolve("target"), new byte[] {1});
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);

    assertThatThrownBy(() -> SmallFileReader.read(link, new byte[4], 1)).isInstanceOf(IOException.class);
  }

  @Test
  void scratchInput_growsToTheLargestFileAndIsReused() {
    BlobCodec.Scratch scratch = new BlobCodec.Scratch(1 << 20);

    byte[] small = scratch.input(100);
    byte[] again = scratch.input(1000);
    byte[] large = scratch.input(300 << 10);

    assertThat(again).isSameAs(small);
    assertThat(large).hasSizeGreaterThanOrEqualTo(300 << 10);
    assertThat(scratch.input(10)).isSameAs(large);
  }
}

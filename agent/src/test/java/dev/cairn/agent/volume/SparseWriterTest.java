package dev.cairn.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseWriterTest {

  @TempDir Path tmp;

  @Test
  void write_zeroBlocksAtUnalignedOffset_contentExactAndHolesLeft() throws Exception {
    byte[] data = new byte[8 << 20];
    new Random(1).nextBytes(data);
    java.util.Arrays.fill(data, 1000, (6 << 20) + 77, (byte) 0);
    Path file = tmp.resolve("f");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      SparseWriter.write(channel, 123, data, 0, data.length);
      channel.write(ByteBuffer.wrap(new byte[0]), 0);
    }

    byte[] back = Files.readAllBytes(file);
    assertThat(back.length).isEqualTo(123 + data.length);
    assertThat(java.util.Arrays.copyOfRange(back, 123, back.length)).isEqualTo(data);
    assertThat(java.util.Arrays.copyOfRange(back, 0, 123)).containsOnly((byte) 0);
    Process stat = new ProcessBuilder("stat", "-c", "%b", file.toString()).start();
    long blocks = Long.parseLong(new String(stat.getInputStream().readAllBytes()).trim());
    assertThat(blocks * 512).isLessThan(4L << 20);
  }
}

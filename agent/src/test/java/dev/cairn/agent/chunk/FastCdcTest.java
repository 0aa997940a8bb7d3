package dev.cairn.agent.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.repository.ChunkerParams;
import java.io.IOException;
import java.nio.channels.Channels;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FastCdcTest {

  private final FastCdc cdc = new FastCdc(ChunkerParams.fastCdc(new byte[32]));

  private List<byte[]> chunks(byte[] data) throws IOException, InterruptedException {
    BufferPool pool = new BufferPool(ChunkReader.bufferSize(cdc), 3);
    ChunkReader reader = new ChunkReader(cdc, pool, Channels.newChannel(new ByteArrayInputStream(data)));
    List<byte[]> out = new ArrayList<>();
    Chunk chunk;
    while ((chunk = reader.next()) != null) {
      out.add(java.util.Arrays.copyOf(chunk.buffer(), chunk.length()));
      chunk.release();
    }
    return out;
  }

  @Test
  void chunks_randomData_respectBoundsAndConcatenateToInput() throws Exception {
    byte[] data = new byte[40 << 20];
    new Random(1).nextBytes(data);

    List<byte[]> chunks = chunks(data);

    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < chunks.size(); i++) {
      if (i < chunks.size() - 1) {
        assertThat(chunks.get(i).length).isBetween(cdc.min(), cdc.max());
      }
      joined.write(chunks.get(i));
    }
    assertThat(joined.toByteArray()).isEqualTo(data);
    double average = (double) data.length / chunks.size();
    int avg = ChunkerParams.fastCdc(new byte[32]).avg();
    assertThat(average).isBetween(0.8 * avg, 1.8 * avg);
  }

  @Test
  void chunks_insertionAtStart_shiftsOnlyNearbyBoundaries() throws Exception {
    byte[] data = new byte[30 << 20];
    new Random(2).nextBytes(data);
    byte[] shifted = new byte[data.length + 100];
    new Random(3).nextBytes(shifted);
    System.arraycopy(data, 0, shifted, 100, data.length);

    Set<String> before = new HashSet<>();
    for (byte[] c : chunks(data)) {
      before.add(java.util.Arrays.toString(java.security.MessageDigest.getInstance("SHA-256").digest(c)));
    }
    List<byte[]> after = chunks(shifted);
    long reused = after.stream().filter(c -> {
      try {
        return before.contains(java.util.Arrays.toString(java.security.MessageDigest.getInstance("SHA-256").digest(c)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).count();

    assertThat(reused).isGreaterThanOrEqualTo(after.size() - 2);
  }

  @Test
  void cut_differentSeeds_cutDifferently() {
    byte[] data = new byte[10 << 20];
    new Random(4).nextBytes(data);
    byte[] seed = new byte[32];
    seed[0] = 1;
    FastCdc other = new FastCdc(ChunkerParams.fastCdc(seed));

    assertThat(other.cut(data, cdc.max(), false)).isNotEqualTo(cdc.cut(data, cdc.max(), false));
  }
}

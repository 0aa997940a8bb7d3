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

  private final ChunkerParams params = ChunkerParams.fastCdc(new byte[32]);
  private final FastCdc cdc = new FastCdc(params);

  private List<byte[]> chunks(byte[] data) throws IOException, InterruptedException {
    BufferPool pool = new BufferPool(ChunkReader.bufferSize(params), 3);
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

  /**
   * The pool's buffers hold a few average chunks; longer chunks (here: a short random pattern
   * repeated, where the rolling hash repeats too and, for this seed, never cuts) move to larger
   * arrays, and both the cuts and the bytes stay those of the whole input.
   */
  @Test
  void reader_chunksLongerThanPoolBuffers_cutWhereWholeInputCuts() throws Exception {
    byte[] data = new byte[36 << 20];
    Random random = new Random(5);
    random.nextBytes(data);
    repeat(data, 3 << 20, 17 << 20);
    repeat(data, 24 << 20, 2500 << 10);

    List<byte[]> chunks = chunks(data);

    List<Integer> expected = new ArrayList<>();
    for (int offset = 0; offset < data.length; ) {
      byte[] rest = java.util.Arrays.copyOfRange(data, offset, data.length);
      int cut = cdc.cut(rest, rest.length, true);
      expected.add(cut);
      offset += cut;
    }
    assertThat(chunks.stream().map(c -> c.length).toList()).isEqualTo(expected);
    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
    chunks.forEach(joined::writeBytes);
    assertThat(joined.toByteArray()).isEqualTo(data);
    assertThat(expected).contains(cdc.max());
    assertThat(expected.stream().filter(n -> n > ChunkReader.bufferSize(params) && n < cdc.max())).isNotEmpty();
    assertThat(ChunkReader.bufferSize(params)).isLessThan(cdc.max());
  }

  /** Fills {@code data[from, from + length)} with its first 4,099 bytes over and over. */
  private static void repeat(byte[] data, int from, int length) {
    for (int i = from + 4099; i < from + length; i++) {
      data[i] = data[i - 4099];
    }
  }

  /**
   * The unrolled scan cuts exactly where the specification's one-byte loop does
   * (docs/repository-format.md §5), fed whole or in odd-sized steps.
   */
  @Test
  void cut_equalsOneByteReference_wholeAndIncremental() {
    byte[] seed = new byte[32];
    seed[0] = 7;
    ChunkerParams params = new ChunkerParams("fastcdc", 4096, 8192, 65536, seed);
    FastCdc small = new FastCdc(params);
    long[] gear = new GearTable(seed).values();
    Random random = new Random(4);
    byte[] data = new byte[4 << 20];
    random.nextBytes(data);
    for (int i = 0; i < data.length / 2; i += 3) {
      data[i] = 0; // long runs too, where the hash settles
    }
    int offset = 0;
    int cuts = 0;
    while (offset < data.length) {
      byte[] rest = java.util.Arrays.copyOfRange(data, offset, data.length);
      int expected = referenceCut(gear, params, rest, rest.length);
      assertThat(small.cut(rest, rest.length, true)).isEqualTo(expected);
      FastCdc.Scan scan = small.scan();
      int cut = 0;
      for (int n = 1; cut == 0; n = Math.min(rest.length, n + 1 + random.nextInt(5000))) {
        cut = scan.advance(rest, n);
        if (cut == 0 && n == rest.length) {
          cut = n;
        }
      }
      assertThat(cut).isEqualTo(expected);
      offset += expected;
      cuts++;
    }
    assertThat(cuts).isGreaterThan(100);
  }

  private static int referenceCut(long[] gear, ChunkerParams params, byte[] buf, int n) {
    int bits = Integer.numberOfTrailingZeros(params.avg());
    long maskS = ((1L << (bits + 2)) - 1) << (64 - bits - 2);
    long maskL = ((1L << (bits - 2)) - 1) << (64 - bits + 2);
    long hash = 0;
    int limit = Math.min(n, params.max());
    for (int i = params.min(); i < limit; i++) {
      hash = (hash << 1) + gear[buf[i] & 0xff];
      if ((hash & (i < params.avg() ? maskS : maskL)) == 0) {
        return i + 1;
      }
    }
    return limit;
  }
}

package dev.cairn.agent.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlobCompressorTest {

  @Test
  void compress_randomData_isStoredAsIs() {
    byte[] data = new byte[1 << 20];
    new Random(1).nextBytes(data);

    assertThat(BlobCompressor.compress(data, 0, data.length, new byte[BlobCompressor.maxCompressedLength(data.length)], 0))
        .isEqualTo(-1);
  }

  @Test
  void compress_text_shrinksAndRoundTrips() throws Exception {
    byte[] data = "2026-01-01T00:00:00Z INFO request ok\n".repeat(30_000).getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[BlobCompressor.maxCompressedLength(data.length)];

    int n = BlobCompressor.compress(data, 0, data.length, out, 0);
    byte[] back = new byte[data.length];
    BlobCompressor.decompress(out, 0, n, back, 0, data.length);

    assertThat(n).isPositive().isLessThan(data.length / 10);
    assertThat(back).isEqualTo(data);
  }
}

package dev.cairn.agent.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.repository.CorruptObjectException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

  private final MasterKey key = MasterKey.generate();
  private final byte[] aad = "cairn/v1/test".getBytes(StandardCharsets.US_ASCII);
  private final byte[] data = "attack at dawn".getBytes(StandardCharsets.US_ASCII);

  @Test
  void seal_thenOpen_returnsPlaintextWithFreshNonces() throws Exception {
    byte[] a = key.seal(data, aad);
    byte[] b = key.seal(data, aad);

    assertThat(key.open(a, aad)).isEqualTo(data);
    assertThat(a).hasSize(data.length + 28).isNotEqualTo(b);
  }

  @Test
  void open_flippedBitOrOtherAad_failsAuthentication() {
    byte[] sealed = key.seal(data, aad);
    sealed[15] ^= 1;

    assertThatThrownBy(() -> key.open(sealed, aad)).isInstanceOf(CorruptObjectException.class);
    assertThatThrownBy(() -> key.open(key.seal(data, aad), "other".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(CorruptObjectException.class);
  }

  @Test
  void id_isKeyed_sameDataOtherKeyOtherId() {
    assertThat(key.id(data, 0, data.length)).isEqualTo(key.id(data, 0, data.length));
    assertThat(MasterKey.generate().id(data, 0, data.length)).isNotEqualTo(key.id(data, 0, data.length));
  }
}

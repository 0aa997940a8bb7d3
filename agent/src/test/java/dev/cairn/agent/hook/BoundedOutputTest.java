package dev.cairn.agent.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedOutputTest {

  @Test
  void write_underLimit_keepsEverything() {
    BoundedOutput out = new BoundedOutput(16);
    out.write("hello".getBytes(StandardCharsets.UTF_8), 0, 5);

    assertThat(out.text()).isEqualTo("hello");
    assertThat(out.dropped()).isZero();
  }

  @Test
  void write_overLimit_keepsTheEndAndCountsTheRest() {
    BoundedOutput out = new BoundedOutput(4);
    byte[] data = "abcdefghij".getBytes(StandardCharsets.UTF_8);
    out.write(data, 0, 7);
    out.write(data[7]);
    out.write(data, 8, 2);

    assertThat(out.text()).isEqualTo("ghij");
    assertThat(out.written()).isEqualTo(10);
    assertThat(out.dropped()).isEqualTo(6);
  }

  @Test
  void constructor_zeroLimit_isRefused() {
    assertThatThrownBy(() -> new BoundedOutput(0)).isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.cairn.agent.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ContentSliceTest {
  private final byte[] bytes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

  @Test
  void open_middleSlice_yieldsExactlyThoseBytes() throws IOException {
    try (InputStream in = ContentSlice.open(new Content.OfBytes(bytes), 3, 4, false)) {
      assertThat(in.readAllBytes()).containsExactly(3, 4, 5, 6);
    }
  }

  @Test
  void open_lastSliceOfExactContent_endsCleanly() throws IOException {
    try (InputStream in = ContentSlice.open(new Content.OfBytes(bytes), 6, 4, true)) {
      assertThat(in.readAllBytes()).containsExactly(6, 7, 8, 9);
    }
  }

  @Test
  void read_sourceEndsEarly_failsInsteadOfEndingShort() throws IOException {
    try (InputStream in = ContentSlice.open(lying(20), 0, 20, true)) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(EOFException.class)
          .hasMessageContaining("content ended after 10 of 20 bytes");
    }
  }

  @Test
  void read_sourceLongerThanDeclared_fails() throws IOException {
    try (InputStream in = ContentSlice.open(lying(5), 0, 5, true)) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
          .hasMessageContaining("longer than the 5 bytes it declared");
    }
  }

  @Test
  void open_offsetPastTheSource_fails() {
    assertThatThrownBy(() -> ContentSlice.open(lying(40), 30, 10, true))
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("content ended before offset 30");
  }

  /** Content that declares {@code declared} bytes but always yields the 10 test bytes. */
  private Content lying(long declared) {
    return new Content() {
      @Override
      public long length() {
        return declared;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(bytes);
      }
    };
  }
}

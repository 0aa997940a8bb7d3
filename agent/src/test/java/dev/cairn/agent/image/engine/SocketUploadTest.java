package dev.cairn.agent.image.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SocketUploadTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void parse_chunkedResponse_joinsChunks() throws IOException {
    SocketUpload.Response response = SocketUpload.parse(bytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "b\r\n{\"stream\":\"\r\n13\r\nLoaded image: a:1\"}\r\n0\r\n\r\n"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"stream\":\"Loaded image: a:1\"}");
  }

  @Test
  void parse_plainResponse_keepsBody() throws IOException {
    SocketUpload.Response response = SocketUpload.parse(bytes(
        "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 20\r\n\r\n{\"message\":\"broken\"}"));

    assertThat(response.status()).isEqualTo(500);
    assertThat(DockerEngine.errorOf(response.body())).isEqualTo("broken");
  }

  @Test
  void parse_garbage_isAnError() {
    assertThatThrownBy(() -> SocketUpload.parse(bytes("nonsense"))).isInstanceOf(IOException.class);
  }

  @Test
  void errorOf_errorInMessageStream_isFound() {
    assertThat(DockerEngine.errorOf("{\"stream\":\"x\"}\n{\"errorDetail\":{\"message\":\"bad\"},\"error\":\"bad diff\"}\n"))
        .isEqualTo("bad diff");
    assertThat(DockerEngine.errorOf("{\"stream\":\"Loaded image: a:1\\n\"}\n")).isNull();
  }
}

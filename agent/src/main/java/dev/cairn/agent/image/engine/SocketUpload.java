package dev.cairn.agent.image.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The calls of the load path written directly on the engine's Unix socket: {@code GET}s that list
 * and inspect images (so a load need not wait for docker-java's client to initialise), and
 * {@code POST /images/load?quiet=1} written with a
 * {@code Content-Length} and 1 MiB writes. docker-java's httpclient5 transport sends an
 * {@code InputStream} body as 4 KiB chunks of chunked encoding and cannot ask for {@code quiet}
 * (the engine then streams per-layer progress); on a 500 MB image that costs more than a second, so
 * this one upload bypasses it. Every other engine call goes through docker-java.
 */
final class SocketUpload {

  private static final int BUFFER = 1 << 20;

  private SocketUpload() {}

  /** The response of the engine: status code and (de-chunked) body. */
  record Response(int status, String body) {}

  /** A request without a body ({@code GET}, {@code DELETE}, a {@code POST} with query parameters only). */
  static Response call(Path socket, String method, String path) throws IOException {
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      String head = method + " " + path + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: cairn\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
      write(channel, ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
      channel.shutdownOutput();
      return parse(Channels.newInputStream(channel).readAllBytes());
    }
  }

  static Response post(Path socket, String path, String contentType, InputStream body, long length) throws IOException {
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      String head = "POST " + path + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: cairn\r\nContent-Type: " + contentType
          + "\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n";
      write(channel, ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
      IOException sendFailure = null;
      try {
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = body.readNBytes(buffer, 0, buffer.length)) > 0; ) {
          write(channel, ByteBuffer.wrap(buffer, 0, n));
        }
      } catch (IOException e) {
        sendFailure = e; // the engine may have answered (and closed) early: read its reason below
      }
      channel.shutdownOutput();
      Response response;
      try {
        response = parse(Channels.newInputStream(channel).readAllBytes());
      } catch (IOException e) {
        if (sendFailure != null) {
          e.addSuppressed(sendFailure);
        }
        throw e;
      }
      if (sendFailure != null && response.status() / 100 == 2) {
        throw sendFailure;
      }
      return response;
    }
  }

  private static void write(SocketChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  static Response parse(byte[] raw) throws IOException {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.") || end < 0) {
      throw new IOException("the engine sent no HTTP response to the image upload");
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    boolean chunked = false;
    for (String line : lines) {
      chunked |= line.toLowerCase(java.util.Locale.ROOT).startsWith("transfer-encoding:") && line.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    return new Response(status, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pos = 0;
    while (pos < body.length) {
      int lineEnd = indexOf(body, pos);
      if (lineEnd < 0) {
        break;
      }
      String sizeText = new String(body, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].trim();
      int size;
      try {
        size = Integer.parseInt(sizeText, 16);
      } catch (NumberFormatException e) {
        throw new IOException("the engine sent a malformed chunked response", e);
      }
      if (size == 0) {
        break;
      }
      int start = lineEnd + 2;
      out.write(body, start, Math.min(size, body.length - start));
      pos = start + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] body, int from) {
    for (int i = from; i + 1 < body.length; i++) {
      if (body[i] == '\r' && body[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}

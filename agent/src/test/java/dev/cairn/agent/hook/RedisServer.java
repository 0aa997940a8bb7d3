package dev.cairn.agent.hook;

import dev.cairn.agent.image.testing.Commands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server for tests on 127.0.0.1 and a free port, its RDB file in a given directory,
 * automatic saves off (only BGSAVE writes the file), no AOF.
 */
final class RedisServer implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private RedisServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static RedisServer start(Path dir, Path log) throws IOException, InterruptedException {
    Commands.require("redis-server", "redis-server");
    Commands.require("redis-cli", "redis-tools");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Process process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--dir", dir.toString(), "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no",
        "--logfile", log.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    RedisServer server = new RedisServer(process, port, log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (Client client = server.client()) {
        if (client.call("PING").equals("+PONG")) {
          return server;
        }
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new AssertionError("redis-server did not start; its log:\n" + server.log());
        }
        Thread.sleep(50);
      }
    }
  }

  int port() {
    return port;
  }

  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  Client client() throws IOException {
    return new Client(new Socket(InetAddress.getLoopbackAddress(), port));
  }

  @Override
  public void close() throws InterruptedException {
    try (Client client = client()) {
      client.call("SHUTDOWN NOSAVE");
    } catch (IOException gone) {
      // SHUTDOWN closes the connection without a reply
    }
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** A minimal client speaking Redis inline commands; replies must be a single line. Not thread-safe. */
  static final class Client implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final BufferedReader in;

    Client(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Sends one inline command (words without spaces or quotes) and returns its one-line reply, e.g. {@code +OK}. */
    String call(String command) throws IOException {
      out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      String line = in.readLine();
      if (line == null) {
        throw new IOException("redis closed the connection on: " + command);
      }
      return line;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}

package dev.cairn.agent.image.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's {@code docker-registry} (Distribution 2.8) on a free port of 127.0.0.1 with filesystem storage. */
public final class RegistryServer implements AutoCloseable {

  private final Process process;
  private final int port;

  private RegistryServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static RegistryServer start(Path dir) throws IOException, InterruptedException {
    Commands.require("docker-registry", "docker-registry");
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path config = dir.resolve("registry.yml");
    Files.writeString(config, String.join("\n",
        "version: 0.1",
        "log:",
        "  level: warn",
        "storage:",
        "  filesystem:",
        "    rootdirectory: " + dir.resolve("data"),
        "  delete:",
        "    enabled: true",
        "http:",
        "  addr: 127.0.0.1:" + port,
        ""));
    Process process = new ProcessBuilder(List.of("docker-registry", "serve", config.toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        HttpResponse<Void> response = http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return new RegistryServer(process, port);
        }
      } catch (IOException e) {
        // not up yet
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError("docker-registry did not start: " + Files.readString(dir.resolve("registry.log")));
      }
      Thread.sleep(100);
    }
  }

  /** {@code 127.0.0.1:PORT}. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

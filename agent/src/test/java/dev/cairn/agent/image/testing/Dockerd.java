package dev.cairn.agent.image.testing;

import dev.cairn.agent.image.engine.DockerEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Docker engine for tests: its own socket, data and exec roots in a short temp dir, no
 * iptables, no bridge, vfs storage — it does not touch the host network. Stopped when the test run ends.
 */
public final class Dockerd implements AutoCloseable {

  private final Path dir;
  private final Process process;
  private final String host;
  private final DockerEngine engine;

  private Dockerd(Path dir, Process process, String host, DockerEngine engine) {
    this.dir = dir;
    this.process = process;
    this.host = host;
    this.engine = engine;
  }

  static Dockerd start() throws IOException, InterruptedException {
    Commands.require("dockerd", "docker.io");
    Commands.require("docker", "docker.io");
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "cd");
    String host = "unix://" + dir.resolve("docker.sock");
    List<String> command = List.of("dockerd", "--iptables=false", "--ip6tables=false", "--ip-forward=false",
        "--bridge=none", "--storage-driver=vfs", "--host=" + host, "--data-root=" + dir.resolve("data"),
        "--exec-root=" + dir.resolve("exec"), "--pidfile=" + dir.resolve("docker.pid"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("dockerd.log").toFile()).start();
    DockerEngine engine = DockerEngine.connect(host);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!engine.ping()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError("dockerd did not start; its log:\n" + Files.readString(dir.resolve("dockerd.log")));
      }
      Thread.sleep(100);
    }
    return new Dockerd(dir, process, host, engine);
  }

  /** The engine's address, {@code unix:///tmp/cd.../docker.sock}. */
  public String host() {
    return host;
  }

  /** A docker-java engine connected to it (shared; do not close). */
  public DockerEngine engine() {
    return engine;
  }

  /** How many layers the engine's layer store holds (entries of its vfs layer database). */
  public long layerCount() throws IOException {
    Path layerdb = dir.resolve("data/image/vfs/layerdb/sha256");
    if (!Files.isDirectory(layerdb)) {
      return 0;
    }
    try (var entries = Files.list(layerdb)) {
      return entries.count();
    }
  }

  /** The ids of the partial images a layer feed left in the engine (none when it cleaned up). */
  public String partialImages() throws IOException, InterruptedException {
    return docker("images", "-a", "-q", "--filter", "label=" + dev.cairn.agent.image.engine.LayerFeed.PARTIAL_LABEL);
  }

  /** How many images the engine loaded since {@code since} (its {@code load} events: one per load request). */
  public long loadsSince(java.time.Instant since) throws IOException, InterruptedException {
    return docker("events", "--since", epoch(since), "--until", epoch(java.time.Instant.now()), "--filter", "type=image",
        "--filter", "event=load", "--format", "{{.ID}}").lines().filter(line -> !line.isBlank()).count();
  }

  private static String epoch(java.time.Instant instant) {
    return instant.getEpochSecond() + "." + String.format("%09d", instant.getNano());
  }

  /** Runs the {@code docker} CLI against this engine; returns stdout, fails on a non-zero exit. */
  public String docker(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker", "-H", host));
    command.addAll(List.of(args));
    return Commands.run(command).trim();
  }

  /** Runs a shell pipeline with {@code DOCKER_HOST} set to this engine. */
  public String shell(String script) throws IOException, InterruptedException {
    return Commands.run(List.of("bash", "-c", "export DOCKER_HOST=" + host + "; set -euo pipefail; " + script)).trim();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    engine.close();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Commands.run(List.of("rm", "-rf", dir.toString()));
  }
}

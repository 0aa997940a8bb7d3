package dev.cairn.cli.images;

import dev.cairn.agent.image.ImageEventListener;
import dev.cairn.agent.image.ImageService;
import dev.cairn.agent.image.ImageSettings;
import dev.cairn.agent.image.engine.DockerEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** Options every {@code cairn images} command shares: the base directory, the engine, JSON output, the alias. */
public final class CacheOptions {

  @Option(names = "--base", required = true, paramLabel = "DIR", description = "Cairn's base directory; the cache is DIR/cache/images.")
  Path base;

  @Option(names = "--docker-host", paramLabel = "URL",
      description = "Docker engine to use, e.g. unix:///run/docker.sock (default: $DOCKER_HOST, else " + DockerEngine.DEFAULT_HOST + ").")
  String dockerHost;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(names = "--alias", paramLabel = "TAG", description = "Moving tag that marks the current version (default: ${DEFAULT-VALUE}).",
      defaultValue = ImageSettings.DEFAULT_ALIAS)
  String alias;

  private DockerEngine engine;

  /** Opens the service; the engine is connected only if the command needs it. Close with {@link #close()}. */
  ImageService open() throws IOException {
    return ImageService.open(base, new ImageSettings(alias), this::engine, ImageEventListener.NONE, Clock.systemUTC());
  }

  private synchronized DockerEngine engine() {
    if (engine == null) {
      engine = DockerEngine.connect(dockerHost);
    }
    return engine;
  }

  void close() throws IOException {
    if (engine != null) {
      engine.close();
    }
  }
}

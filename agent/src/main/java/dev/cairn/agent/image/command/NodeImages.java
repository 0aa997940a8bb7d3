package dev.cairn.agent.image.command;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.image.ImageEventListener;
import dev.cairn.agent.image.ImageService;
import dev.cairn.agent.image.ImageSettings;
import dev.cairn.agent.image.Source;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.engine.DockerEngine;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The node's image service as the agent uses it: the cache under the base directory and the Docker
 * engine at the configured host, both opened on the first image command (an agent that never
 * handles images loads none of the image code). Thread-safe.
 */
public final class NodeImages implements ImageJobs, Closeable {

  private final Path base;
  private final ImageSettings settings;
  private final String dockerHost;
  private final ImageEventListener listener;
  private final Clock clock;
  private ImageService service;
  private DockerEngine engine;

  /** {@code dockerHost} null or blank = {@code DOCKER_HOST}, else {@link DockerEngine#DEFAULT_HOST}. */
  public NodeImages(Path base, ImageSettings settings, String dockerHost, ImageEventListener listener, Clock clock) {
    this.base = base;
    this.settings = settings;
    this.dockerHost = dockerHost;
    this.listener = listener;
    this.clock = clock;
  }

  /** The service, opening the cache on first use. */
  public synchronized ImageService service() throws IOException {
    if (service == null) {
      service = ImageService.open(base, settings, this::engine, listener, clock);
    }
    return service;
  }

  /** The node's Docker engine, connected on first use (also for container hooks). */
  public synchronized DockerEngine engine() {
    if (engine == null) {
      engine = DockerEngine.connect(dockerHost);
    }
    return engine;
  }

  @Override
  public Completion load(String commandId, List<String> images) throws IOException {
    return new ImageOutcomes(service().load(images, Source.command(commandId), Progress.NONE))
        .completion("loaded and made current");
  }

  @Override
  public Completion rollback(String commandId, String image, Optional<String> toTag) throws IOException {
    return new ImageOutcomes(List.of(service().rollback(image, toTag, Source.command(commandId), Progress.NONE)))
        .completion("rolled back");
  }

  @Override
  public synchronized void close() throws IOException {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }
}

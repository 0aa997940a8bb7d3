package dev.cairn.agent.image.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.LoadResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.cairn.agent.image.oci.ChainIds;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.ImageRef;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The node's Docker engine, reached with docker-java over httpclient5. Connects lazily: creating it
 * talks to nobody. Thread-safe.
 */
public final class DockerEngine implements Closeable {

  /** Where the engine listens when neither {@code --docker-host} nor {@code DOCKER_HOST} says. */
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

  private final String host;
  private final Supplier<DockerClient> connect;
  private final EngineSocket socket;
  private DockerClient client;

  private DockerEngine(String host, Supplier<DockerClient> connect) {
    this.host = host;
    this.connect = connect;
    this.socket = host.startsWith("unix://") ? new EngineSocket(host) : null;
  }

  /** An engine at {@code host} ({@code unix:///path} or {@code tcp://127.0.0.1:port}); null = DOCKER_HOST or the default. */
  public static DockerEngine connect(String host) {
    String resolved = host != null && !host.isBlank() ? host : System.getenv().getOrDefault("DOCKER_HOST", DEFAULT_HOST);
    return new DockerEngine(resolved, () -> newClient(resolved));
  }

  private static DockerClient newClient(String resolved) {
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(resolved).withDockerTlsVerify(false).build();
    ApacheDockerHttpClient http =
        new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .maxConnections(8)
            .connectionTimeout(Duration.ofSeconds(10))
            .responseTimeout(Duration.ofHours(1))
            .build();
    return DockerClientImpl.getInstance(config, http);
  }

  public String host() {
    return host;
  }

  /**
   * The docker-java client, created on first use (its classes take a few hundred milliseconds to
   * load), for other users of the same engine (container hooks) too; do not close it.
   */
  public synchronized DockerClient client() {
    if (client == null) {
      client = connect.get();
    }
    return client;
  }

  /** The image with this id or reference, if the engine has it. */
  public Optional<EngineImage> inspect(String idOrRef) throws EngineException {
    if (socket != null) {
      return socket.inspect(idOrRef);
    }
    try {
      InspectImageResponse image = client().inspectImageCmd(idOrRef).exec();
      List<Digest> diffIds = new ArrayList<>();
      if (image.getRootFS() != null && image.getRootFS().getLayers() != null) {
        image.getRootFS().getLayers().forEach(layer -> diffIds.add(Digest.parse(layer)));
      }
      List<String> tags = image.getRepoTags() == null ? List.of() : image.getRepoTags();
      return Optional.of(new EngineImage(Digest.parse(image.getId()), tags, diffIds));
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (DockerException e) {
      throw failure("inspecting image " + idOrRef, e);
    } catch (IllegalArgumentException e) {
      throw new EngineException("the engine at " + host + " reported an unreadable image " + idOrRef + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
  }

  /**
   * The chain ids of every layer stack the engine's images use: each prefix of each image's
   * {@code RootFS.Layers}. (The Engine API has no call listing the layer store itself.)
   */
  public Set<Digest> layerChains() throws EngineException {
    Set<Digest> chains = new HashSet<>();
    for (String id : imageIds()) {
      inspect(id).ifPresent(found -> chains.addAll(ChainIds.of(found.diffIds()))); // absent: removed since listed
    }
    return chains;
  }

  /** The ids of every image, intermediate ones included. */
  private List<String> imageIds() throws EngineException {
    if (socket != null) {
      return socket.imageIds();
    }
    try {
      return client().listImagesCmd().withShowAll(true).exec().stream().map(Image::getId).toList();
    } catch (DockerException e) {
      throw failure("listing images", e);
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
  }

  /**
   * Sends a {@code docker save} tar of {@code length} bytes to {@code POST /images/load} and waits
   * until the engine has loaded it. On a Unix socket the upload is written directly ({@link
   * SocketUpload}); on other hosts docker-java sends it.
   */
  public void load(InputStream dockerSaveTar, long length) throws EngineException {
    if (host.startsWith("unix://")) {
      loadOverSocket(dockerSaveTar, length);
      return;
    }
    AtomicReference<String> error = new AtomicReference<>();
    try {
      client()
          .loadImageAsyncCmd(dockerSaveTar)
          .exec(
              new ResultCallback.Adapter<LoadResponseItem>() {
                @Override
                public void onNext(LoadResponseItem item) {
                  if (item.isErrorIndicated()) {
                    error.compareAndSet(null, item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : "unknown error");
                  }
                }
              })
          .awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("interrupted while the engine was loading an image", e);
    } catch (DockerException e) {
      throw failure("loading an image", e);
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
    if (error.get() != null) {
      throw new EngineException("the engine at " + host + " refused the image: " + error.get());
    }
  }

  private void loadOverSocket(InputStream tar, long length) throws EngineException {
    SocketUpload.Response response;
    try {
      response = SocketUpload.post(Path.of(host.substring("unix://".length())), "/images/load?quiet=1", "application/x-tar", tar, length);
    } catch (IOException e) {
      throw new EngineException(
          "sending the image to the engine at " + host + " failed (" + e.getMessage()
              + "): is dockerd running? Point --docker-host or DOCKER_HOST at its socket", e);
    }
    String error = errorOf(response.body());
    if (response.status() / 100 != 2 || error != null) {
      throw new EngineException("the engine at " + host + " refused the image (HTTP " + response.status() + "): "
          + (error != null ? error : response.body().trim()));
    }
  }

  /** The first error message in a JSON message stream, or null. */
  static String errorOf(String body) {
    for (String line : body.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        com.fasterxml.jackson.databind.JsonNode node = dev.cairn.agent.image.oci.OciJson.MAPPER.readTree(line);
        if (node.hasNonNull("error")) {
          return node.get("error").asText();
        }
        if (node.hasNonNull("message") && !node.has("stream")) {
          return node.get("message").asText();
        }
      } catch (IOException e) {
        return null;
      }
    }
    return null;
  }

  /** Points {@code ref} at the image (moving the tag if it pointed elsewhere). */
  public void tag(Digest imageId, ImageRef ref) throws EngineException {
    if (socket != null) {
      socket.tag(imageId, ref);
      return;
    }
    try {
      client().tagImageCmd(imageId.toString(), ref.repository(), ref.tag()).withForce(true).exec();
    } catch (DockerException e) {
      throw failure("tagging " + imageId.shortHex() + " as " + ref, e);
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
  }

  /** Removes a tag or image; removing one the engine does not have is not an error. */
  public void remove(String idOrRef) throws EngineException {
    if (socket != null) {
      socket.remove(idOrRef);
      return;
    }
    try {
      client().removeImageCmd(idOrRef).withForce(true).exec();
    } catch (NotFoundException e) {
      // already gone
    } catch (DockerException e) {
      throw failure("removing " + idOrRef, e);
    } catch (RuntimeException e) {
      throw unreachable(e);
    }
  }

  /** Whether the engine answers a ping. */
  public boolean ping() {
    try {
      client().pingCmd().exec();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private EngineException failure(String what, DockerException e) {
    return new EngineException("the engine at " + host + " failed " + what + ": " + e.getMessage(), e);
  }

  private EngineException unreachable(RuntimeException e) {
    return new EngineException(
        "cannot reach the Docker engine at " + host + " (" + e.getMessage()
            + "): is dockerd running? Point --docker-host or DOCKER_HOST at its socket",
        e);
  }

  @Override
  public synchronized void close() throws IOException {
    if (client != null) {
      client.close();
    }
  }
}

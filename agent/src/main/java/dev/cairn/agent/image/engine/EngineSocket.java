package dev.cairn.agent.image.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.ImageRef;
import dev.cairn.agent.image.oci.OciJson;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Engine API calls of the load path (list and inspect images, tag, remove) written directly
 * on the engine's Unix socket with {@link SocketUpload}, so that {@code cairn images} commands never
 * wait for docker-java's client to load (a few hundred milliseconds of each short command, which
 * would otherwise compete with the engine for the CPU). Immutable, thread-safe.
 */
final class EngineSocket {

  private final String host;
  private final Path socket;

  EngineSocket(String host) {
    this.host = host;
    this.socket = Path.of(host.substring("unix://".length()));
  }

  Optional<EngineImage> inspect(String idOrRef) throws EngineException {
    SocketUpload.Response response = call("GET", "/images/" + idOrRef + "/json", "inspecting image " + idOrRef);
    if (response.status() == 404) {
      return Optional.empty();
    }
    try {
      JsonNode image = json(response, "inspecting image " + idOrRef);
      List<String> tags = new ArrayList<>();
      image.path("RepoTags").forEach(tag -> tags.add(tag.asText()));
      return Optional.of(new EngineImage(Digest.parse(image.path("Id").asText()), List.copyOf(tags), diffIds(image)));
    } catch (IllegalArgumentException e) {
      throw new EngineException("the engine at " + host + " reported an unreadable image " + idOrRef + ": " + e.getMessage(), e);
    }
  }

  /** The ids of every image, intermediate ones included ({@code GET /images/json?all=1}). */
  List<String> imageIds() throws EngineException {
    List<String> ids = new ArrayList<>();
    json(call("GET", "/images/json?all=1", "listing images"), "listing images")
        .forEach(image -> ids.add(image.path("Id").asText()));
    return ids;
  }

  void tag(Digest imageId, ImageRef ref) throws EngineException {
    String what = "tagging " + imageId.shortHex() + " as " + ref;
    check(call("POST", "/images/" + imageId + "/tag?repo=" + encode(ref.repository()) + "&tag=" + encode(ref.tag()) + "&force=1",
        what), what);
  }

  void remove(String idOrRef) throws EngineException {
    SocketUpload.Response response = call("DELETE", "/images/" + idOrRef + "?force=1", "removing " + idOrRef);
    if (response.status() != 404) {
      check(response, "removing " + idOrRef);
    }
  }

  private static List<Digest> diffIds(JsonNode image) {
    List<Digest> diffIds = new ArrayList<>();
    image.path("RootFS").path("Layers").forEach(layer -> diffIds.add(Digest.parse(layer.asText())));
    return List.copyOf(diffIds);
  }

  private SocketUpload.Response call(String method, String path, String what) throws EngineException {
    try {
      return SocketUpload.call(socket, method, path);
    } catch (IOException e) {
      throw new EngineException(
          "cannot reach the Docker engine at " + host + " while " + what + " (" + e.getMessage()
              + "): is dockerd running? Point --docker-host or DOCKER_HOST at its socket", e);
    }
  }

  private void check(SocketUpload.Response response, String what) throws EngineException {
    if (response.status() / 100 != 2) {
      String error = DockerEngine.errorOf(response.body());
      throw new EngineException("the engine at " + host + " failed " + what + " (HTTP " + response.status() + "): "
          + (error != null ? error : response.body().trim()));
    }
  }

  private JsonNode json(SocketUpload.Response response, String what) throws EngineException {
    check(response, what);
    try {
      return OciJson.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new EngineException("the engine at " + host + " sent unreadable JSON while " + what + ": " + e.getMessage(), e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}

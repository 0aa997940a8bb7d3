package dev.cairn.cli.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.daemon.AgentConfiguration;
import dev.cairn.agent.daemon.AgentDaemon;
import dev.cairn.agent.image.ImageEventListener;
import dev.cairn.agent.image.ImageService;
import dev.cairn.agent.image.ImageSettings;
import dev.cairn.agent.image.Source;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.testing.BusyboxImages;
import dev.cairn.agent.image.testing.Dockerd;
import dev.cairn.agent.image.testing.DockerdExtension;
import dev.cairn.cli.testing.ControllerFixture;
import dev.cairn.cli.testing.Rest;
import dev.cairn.cli.testing.TestAgents;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent commands {@code load-images} and {@code rollback-image} end to end: an operator posts
 * them to the real controller's REST API, a real agent receives them over mutual TLS on 127.0.0.1
 * and drives a real dockerd on a private socket; the engine's alias tag and the fleet's event log
 * show the result.
 */
@ExtendWith(DockerdExtension.class)
class ImageCommandsIT {

  private static final String REPO = "e2e/app";
  @TempDir Path dir;
  private ControllerFixture controller;
  private AgentDaemon agent;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (controller != null) {
      controller.close();
    }
  }

  /** Builds v1 and v2, imports both into the agent's cache, removes them from the engine; returns their image ids. */
  private List<String> twoVersionsInTheCacheOnly(Dockerd dockerd, Path base) throws Exception {
    BusyboxImages images = new BusyboxImages(dockerd, dir);
    images.build(REPO, 2);
    List<String> ids = List.of(images.id(REPO + ":1"), images.id(REPO + ":2"));
    Path v1 = images.save(REPO + ":1");
    Path v2 = images.save(REPO + ":2");
    ImageService cache = ImageService.open(base, ImageSettings.defaults(), dockerd::engine, ImageEventListener.NONE,
        Clock.systemUTC());
    cache.importArchive(v1, Optional.empty(), Source.cli("test"), Progress.NONE);
    cache.importArchive(v2, Optional.empty(), Source.cli("test"), Progress.NONE);
    images.removeAll(REPO + ":1", REPO + ":2");
    assertThat(dockerd.engine().inspect(ids.get(0))).isEmpty();
    return ids;
  }

  private Rest startControllerAndAgent(Dockerd dockerd) throws Exception {
    controller = new ControllerFixture(dir.resolve("controller")).start();
    Rest rest = controller.rest();
    AgentConfiguration configuration =
        TestAgents.configuration(dir.resolve("agent"), "node-a", controller.running().grpcTarget(), rest)
            .setDockerHost(dockerd.host());
    configuration.validate("node-a");
    agent = AgentDaemon.start(configuration);
    await().atMost(Duration.ofSeconds(30)).until(() -> rest.connected("node-a"));
    return rest;
  }

  private static JsonNode run(Rest rest, String id, String kind, Map<String, Object> arguments) throws Exception {
    rest.post("/api/v1/nodes/node-a/commands", Map.of("id", id, "kind", kind, "arguments", arguments));
    await().atMost(Duration.ofSeconds(60)).until(() -> rest.command(id).path("result").has("outcome"));
    return rest.command(id);
  }

  private static String aliasId(Dockerd dockerd) throws Exception {
    return dockerd.engine().inspect(REPO + ":current").orElseThrow().id().toString();
  }

  @Test
  void loadThenRollback_overRest_movesTheAliasInTheEngineAndReportsEvents(Dockerd dockerd) throws Exception {
    Rest rest = startControllerAndAgent(dockerd);
    List<String> ids = twoVersionsInTheCacheOnly(dockerd, agent.configuration().baseDir());

    JsonNode load1 = run(rest, "load-1", "load-images", Map.of("images", List.of(REPO + ":1")));
    assertThat(load1.path("status").asText()).isEqualTo("changed");
    assertThat(aliasId(dockerd)).isEqualTo(ids.get(0));
    assertThat(dockerd.engine().inspect(REPO + ":1").orElseThrow().id().toString()).isEqualTo(ids.get(0));

    JsonNode load2 = run(rest, "load-2", "load-images", Map.of("images", List.of(REPO + ":2")));
    assertThat(load2.path("status").asText()).isEqualTo("changed");
    assertThat(load2.at("/result/details/images/0/imageId").asText()).isEqualTo(ids.get(1));
    assertThat(aliasId(dockerd)).isEqualTo(ids.get(1));

    JsonNode rollback = run(rest, "rollback-1", "rollback-image", Map.of("image", REPO));
    assertThat(rollback.path("status").asText()).isEqualTo("changed");
    assertThat(aliasId(dockerd)).isEqualTo(ids.get(0));

    await().atMost(Duration.ofSeconds(20)).until(() -> rest.events("node-a", "image.rolled-back").size() == 1);
    JsonNode rolledBack = rest.events("node-a", "image.rolled-back").get(0);
    assertThat(rolledBack.at("/attributes/repository").asText()).isEqualTo(REPO);
    assertThat(rolledBack.at("/attributes/tag").asText()).isEqualTo("1");
    assertThat(rolledBack.at("/attributes/source").asText()).isEqualTo("command:rollback-1");
    assertThat(rolledBack.path("message").asText()).contains(REPO + ":current now points at " + REPO + ":1");
    JsonNode loaded = rest.events("node-a", "image.loaded");
    assertThat(StreamSupport.stream(loaded.spliterator(), false).map(e -> e.at("/attributes/tag").asText()))
        .containsExactly("1", "2");
    assertThat(rest.events("node-a", "image.alias-moved").size()).isEqualTo(2);
  }

  @Test
  void loadAgain_sameImage_reportsOkAndChangesNothing(Dockerd dockerd) throws Exception {
    Rest rest = startControllerAndAgent(dockerd);
    List<String> ids = twoVersionsInTheCacheOnly(dockerd, agent.configuration().baseDir());
    run(rest, "first", "load-images", Map.of("images", List.of(REPO + ":2")));

    JsonNode again = run(rest, "again", "load-images", Map.of("images", List.of(REPO + ":2")));

    assertThat(again.path("status").asText()).isEqualTo("ok");
    assertThat(again.at("/result/details/images/0/outcome").asText()).isEqualTo("ok");
    assertThat(aliasId(dockerd)).isEqualTo(ids.get(1));
  }

  @Test
  void load_imageNotInTheCache_failsNamingItAndLeavesTheAlias(Dockerd dockerd) throws Exception {
    Rest rest = startControllerAndAgent(dockerd);
    List<String> ids = twoVersionsInTheCacheOnly(dockerd, agent.configuration().baseDir());
    run(rest, "good", "load-images", Map.of("images", List.of(REPO + ":1")));

    JsonNode missing = run(rest, "missing", "load-images", Map.of("images", List.of(REPO + ":9")));
    JsonNode noVersion = run(rest, "no-version", "rollback-image", Map.of("image", REPO, "toTag", "7"));

    assertThat(missing.path("status").asText()).isEqualTo("failed");
    assertThat(missing.at("/result/message").asText()).contains(REPO + ":9");
    assertThat(noVersion.path("status").asText()).isEqualTo("failed");
    assertThat(noVersion.at("/result/message").asText()).contains("no version 7").contains("1, 2");
    assertThat(aliasId(dockerd)).isEqualTo(ids.get(0));
  }
}

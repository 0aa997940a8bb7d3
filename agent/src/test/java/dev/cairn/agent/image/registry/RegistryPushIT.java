package dev.cairn.agent.image.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.image.ImageEventListener;
import dev.cairn.agent.image.ImageService;
import dev.cairn.agent.image.ImageSettings;
import dev.cairn.agent.image.Source;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.testing.BusyboxImages;
import dev.cairn.agent.image.testing.Dockerd;
import dev.cairn.agent.image.testing.DockerdExtension;
import dev.cairn.agent.image.testing.RegistryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Push from the cache to Debian's docker-registry on 127.0.0.1, then pull with the real engine. */
@ExtendWith(DockerdExtension.class)
class RegistryPushIT {

  private static final String REPO = "test/push";

  @TempDir Path dir;

  @Test
  void push_successiveVersions_skipsSharedBlobsAndEnginePullsThem(Dockerd dockerd) throws Exception {
    BusyboxImages busybox = new BusyboxImages(dockerd, dir);
    busybox.build(REPO, 3);
    Path[] archives = {busybox.save(REPO + ":1"), busybox.save(REPO + ":2"), busybox.save(REPO + ":3")};
    String v3Id = busybox.id(REPO + ":3");
    busybox.removeAll(REPO + ":1", REPO + ":2", REPO + ":3");
    ImageService service = ImageService.open(dir.resolve("base"), ImageSettings.defaults(), dockerd::engine,
        ImageEventListener.NONE, Clock.systemUTC());
    for (Path archive : archives) {
      service.importArchive(archive, Optional.empty(), Source.cli("test"), Progress.NONE);
    }
    Path registryDir = Files.createDirectories(dir.resolve("registry"));
    try (RegistryServer registry = RegistryServer.start(registryDir)) {
      PushReport first = service.push(REPO + ":1", registry.address(), Source.cli("test"), Progress.NONE);
      PushReport second = service.push(REPO + ":2", registry.address(), Source.cli("test"), Progress.NONE);
      PushReport third = service.push(REPO + ":3", registry.address(), Source.cli("test"), Progress.NONE);
      PushReport again = service.push(REPO + ":3", registry.address(), Source.cli("test"), Progress.NONE);

      assertThat(first.blobsPresent()).isZero();
      assertThat(second.blobs()).isEqualTo(3);
      assertThat(second.blobsPresent()).as("the base layer").isEqualTo(1);
      assertThat(third.blobsPresent()).as("both lower layers").isEqualTo(2);
      assertThat(again.bytesUploaded()).isZero();
      assertThat(again.hitRate()).isEqualTo(1.0);

      String remote = registry.address() + "/" + REPO + ":3";
      dockerd.docker("pull", remote);
      assertThat(dockerd.engine().inspect(remote).orElseThrow().id()).hasToString(v3Id);
      assertThat(dockerd.docker("run", "--rm", "--network", "none", remote, "cat", "/app/version")).isEqualTo("version 3");
      dockerd.docker("rmi", remote);
    }
  }

  @Test
  void push_registryDown_failsWithClearMessage(Dockerd dockerd) throws Exception {
    BusyboxImages busybox = new BusyboxImages(dockerd, dir);
    busybox.build("test/down", 1);
    Path archive = busybox.save("test/down:1");
    busybox.removeAll("test/down:1");
    ImageService service = ImageService.open(dir.resolve("base"), ImageSettings.defaults(), dockerd::engine,
        ImageEventListener.NONE, Clock.systemUTC());
    service.importArchive(archive, Optional.empty(), Source.cli("test"), Progress.NONE);

    assertThatThrownBy(() -> service.push("test/down:1", "127.0.0.1:1", Source.cli("test"), Progress.NONE))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("cannot reach the registry at http://127.0.0.1:1");
  }
}

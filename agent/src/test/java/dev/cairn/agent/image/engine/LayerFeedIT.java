package dev.cairn.agent.image.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.image.archive.LayerStack;
import dev.cairn.agent.image.cache.BlobStore;
import dev.cairn.agent.image.cache.ImageCache;
import dev.cairn.agent.image.cache.StagedBlob;
import dev.cairn.agent.image.oci.ChainIds;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.DockerSaveManifest;
import dev.cairn.agent.image.oci.OciJson;
import dev.cairn.agent.image.testing.BusyboxImages;
import dev.cairn.agent.image.testing.Dockerd;
import dev.cairn.agent.image.testing.DockerdExtension;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The layer feed against a real, private Docker engine: layers go in early and leave no trace. */
@ExtendWith(DockerdExtension.class)
class LayerFeedIT {

  private static final String REPO = "test/feed";

  @TempDir static Path dir;
  static LayerStack stack;
  static StagedBlob config;
  static List<StagedBlob> layers = new ArrayList<>();

  @TempDir Path base;
  private Dockerd dockerd;
  private BlobStore blobs;

  @BeforeAll
  static void stageV2(Dockerd dockerd) throws Exception {
    BusyboxImages busybox = new BusyboxImages(dockerd, dir);
    busybox.build(REPO, 2);
    Path archive = busybox.save(REPO + ":2");
    busybox.removeAll(REPO + ":1", REPO + ":2");
    try (TarFile tar = new TarFile(archive)) {
      DockerSaveManifest manifest = OciJson.dockerSaveManifest(read(tar, "manifest.json")).get(0);
      byte[] configBytes = read(tar, manifest.config());
      config = stage(manifest.config(), configBytes);
      List<Digest> diffIds = OciJson.config(configBytes).diffIds();
      for (String layer : manifest.layers()) {
        layers.add(stage(layer.replace('/', '_'), read(tar, layer)));
      }
      stack = new LayerStack(manifest.config(), "linux", "amd64", diffIds, manifest.layers());
    }
    assertThat(stack.layers()).hasSize(2);
  }

  private static byte[] read(TarFile tar, String name) throws Exception {
    TarArchiveEntry entry = tar.getEntries().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
    try (InputStream in = tar.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  private static StagedBlob stage(String name, byte[] bytes) throws Exception {
    Path file = Files.write(dir.resolve(name), bytes);
    return new StagedBlob(Digest.of(bytes), bytes.length, file, java.util.Arrays.copyOf(bytes, 4));
  }

  @BeforeEach
  void open(Dockerd dockerd) throws Exception {
    this.dockerd = dockerd;
    this.blobs = ImageCache.open(base).blobs();
  }

  @Test
  void abort_afterBottomLayerSent_engineDropsItAgain() throws Exception {
    long layersBefore = dockerd.layerCount();
    LayerFeed feed = LayerFeed.start(dockerd::engine, blobs, 0); // the small bottom layer goes alone
    feed.planned(List.of(stack));
    feed.verified(stack.config(), config);
    feed.verified(stack.layers().get(0), layers.get(0));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (dockerd.partialImages().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(dockerd.partialImages()).as("the bottom layer went in while the 'import' ran").isNotEmpty();
    assertThat(dockerd.layerCount()).isEqualTo(layersBefore + 1);

    feed.abort(); // the top layer failed its check

    assertThat(dockerd.partialImages()).isEmpty();
    assertThat(dockerd.layerCount()).isEqualTo(layersBefore);
    assertThat(dockerd.engine().layerChains()).doesNotContain(ChainIds.of(stack.diffIds()).get(0));
  }

  @Test
  void abort_afterTopLayerSent_engineDropsTheImageAgain() throws Exception {
    long layersBefore = dockerd.layerCount();
    LayerFeed feed = LayerFeed.start(dockerd::engine, blobs, 0);
    feed.planned(List.of(stack));
    feed.verified(stack.config(), config);
    feed.verified(stack.layers().get(0), layers.get(0));
    feed.verified(stack.layers().get(1), layers.get(1));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (dockerd.engine().inspect(config.digest().toString()).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(dockerd.engine().inspect(config.digest().toString())).as("the image itself went in with its top layer").isPresent();

    feed.abort(); // say the commit failed

    assertThat(dockerd.engine().inspect(config.digest().toString())).isEmpty();
    assertThat(dockerd.partialImages()).isEmpty();
    assertThat(dockerd.layerCount()).isEqualTo(layersBefore);
  }

  @Test
  void finish_everyLayerVerified_engineHoldsTheImageItselfInOneRequest() throws Exception {
    long layersBefore = dockerd.layerCount();
    java.time.Instant since = java.time.Instant.now();
    LayerFeed feed = LayerFeed.start(dockerd::engine, blobs);
    feed.planned(List.of(stack));
    feed.verified(stack.config(), config);
    feed.verified(stack.layers().get(0), layers.get(0));
    Thread.sleep(1000); // time enough to send the bottom layer alone, which it is too small for
    feed.verified(stack.layers().get(1), layers.get(1));

    feed.finish();

    assertThat(dockerd.loadsSince(since)).as("one load request: both layers and the image's own config").isEqualTo(1);
    assertThat(dockerd.engine().inspect(config.digest().toString())).as("the image itself, untagged").isPresent()
        .hasValueSatisfying(image -> assertThat(image.id()).isEqualTo(config.digest()));
    assertThat(dockerd.partialImages()).isEmpty();
    assertThat(feed.merged(new LoadReport("x", config.digest(), true, 0, 2, 0)))
        .as("found in the engine because the feed sent it: counted as loaded")
        .satisfies(r -> {
          assertThat(r.alreadyPresent()).isFalse();
          assertThat(r.layersSent()).isEqualTo(2);
          assertThat(r.layersSkipped()).isZero();
          assertThat(r.bytesSent()).isEqualTo(layers.get(0).size() + layers.get(1).size());
        });
    feed.close();
    assertThat(dockerd.engine().inspect(config.digest().toString())).as("close leaves the image").isPresent();
    assertThat(dockerd.layerCount()).isEqualTo(layersBefore + 2);
    dockerd.engine().remove(config.digest().toString());
    assertThat(dockerd.layerCount()).isEqualTo(layersBefore);
  }
}

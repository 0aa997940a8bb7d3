package dev.cairn.agent.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.image.archive.ArchiveRejectedException;
import dev.cairn.agent.image.archive.ImportReport;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.engine.EngineImage;
import dev.cairn.agent.image.history.RepositoryHistory;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.testing.BusyboxImages;
import dev.cairn.agent.image.testing.Dockerd;
import dev.cairn.agent.image.testing.DockerdExtension;
import java.io.RandomAccessFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The image service against a real, private Docker engine with busybox test images. */
@ExtendWith(DockerdExtension.class)
class ImageServiceIT {

  private static final String REPO = "test/svc";

  @TempDir static Path images;
  static Path v1Archive;
  static Path v2Archive;
  static String v1Id;
  static String v2Id;

  @TempDir Path base;
  private final List<ImageEvent> events = new CopyOnWriteArrayList<>();
  private ImageService service;
  private Dockerd dockerd;

  @BeforeAll
  static void buildImages(Dockerd dockerd) throws Exception {
    BusyboxImages busybox = new BusyboxImages(dockerd, images);
    busybox.build(REPO, 2);
    v1Archive = busybox.save(REPO + ":1");
    v2Archive = busybox.save(REPO + ":2");
    v1Id = busybox.id(REPO + ":1");
    v2Id = busybox.id(REPO + ":2");
    busybox.removeAll(REPO + ":1", REPO + ":2");
  }

  @BeforeEach
  void openService(Dockerd dockerd) throws Exception {
    this.dockerd = dockerd;
    dockerd.shell("docker rmi -f $(docker images -q " + REPO + ") >/dev/null 2>&1 || true");
    service = ImageService.open(base, ImageSettings.defaults(), dockerd::engine, events::add, Clock.systemUTC());
  }

  @Test
  void load_importedArchive_isInEngineWithAlias() throws Exception {
    service.importArchive(v1Archive, Optional.empty(), Source.cli("test"), Progress.NONE);

    List<ImageResult> results = service.load(List.of(REPO + ":1"), Source.command("cmd-1"), Progress.NONE);

    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo(Outcome.CHANGED);
      assertThat(r.imageId()).hasToString(v1Id);
    });
    EngineImage loaded = dockerd.engine().inspect(REPO + ":1").orElseThrow();
    assertThat(loaded.id()).hasToString(v1Id);
    assertThat(dockerd.engine().inspect(REPO + ":current").orElseThrow().id()).hasToString(v1Id);
    assertThat(dockerd.docker("run", "--rm", "--network", "none", REPO + ":current", "busybox", "echo", "alive")).isEqualTo("alive");
    assertThat(events).extracting(ImageEvent::type)
        .containsExactly(ImageEventType.IMPORTED, ImageEventType.LOADED, ImageEventType.ALIAS_MOVED);
    assertThat(events.get(1).source()).isEqualTo(Source.command("cmd-1"));
  }

  @Test
  void importAndLoad_dockerSaveArchive_sentWhileImportingAndCurrent() throws Exception {
    java.time.Instant since = java.time.Instant.now();
    ImageService.ImportAndLoad done = service.importAndLoad(v2Archive, Optional.empty(), Source.cli("test"), Progress.NONE);

    assertThat(dockerd.loadsSince(since)).as("one load request: the layers (small) with the image's own config").isEqualTo(1);

    assertThat(done.imported().images()).singleElement().satisfies(i -> assertThat(i.imageId()).hasToString(v2Id));
    assertThat(done.loaded()).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.CHANGED));
    assertThat(dockerd.engine().inspect(REPO + ":current").orElseThrow().id()).hasToString(v2Id);
    assertThat(events).extracting(ImageEvent::type)
        .containsExactly(ImageEventType.IMPORTED, ImageEventType.LOADED, ImageEventType.ALIAS_MOVED);
    assertThat(events.get(1).detail()).contains("while the archive was imported");
    assertThat(dockerd.partialImages()).as("partial images removed").isEmpty();
    assertThat(dockerd.docker("run", "--rm", "--network", "none", REPO + ":current", "cat", "/app/version")).isEqualTo("version 2");
  }

  @Test
  void importAndLoad_archiveDockerAcceptsButCacheRejects_engineLoadsNothing() throws Exception {
    // a FIFO after the last file: docker would load this archive, the cache refuses it
    Path withFifo = base.resolve("fifo.tar");
    Files.copy(v1Archive, withFifo);
    dockerd.shell("cd " + base + " && mkfifo pipe && tar -rf " + withFifo + " pipe && rm pipe");

    assertThatThrownBy(() -> service.importAndLoad(withFifo, Optional.empty(), Source.cli("test"), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("FIFO");
    assertThat(dockerd.engine().inspect(v1Id)).as("nothing loaded").isEmpty();
    assertThat(service.cache().blobs().list()).isEmpty();
    dockerd.docker("load", "-i", withFifo.toString());
    assertThat(dockerd.engine().inspect(v1Id)).as("while docker itself accepts this archive").isPresent();
  }

  @Test
  void importAndLoad_topLayerCorrupt_nothingCachedAndEngineKeepsNoLayer() throws Exception {
    // the bottom layer is verified (and may already be in the engine) when the top one fails
    Path corrupt = base.resolve("corrupt-top.tar");
    Files.copy(v2Archive, corrupt);
    long offset;
    try (TarFile tar = new TarFile(corrupt)) {
      String top = dev.cairn.agent.image.oci.OciJson.dockerSaveManifest(
          tar.getInputStream(tar.getEntries().stream().filter(e -> e.getName().equals("manifest.json")).findFirst().orElseThrow())
              .readAllBytes()).get(0).layers().get(1);
      TarArchiveEntry entry = tar.getEntries().stream().filter(e -> e.getName().equals(top)).findFirst().orElseThrow();
      offset = entry.getDataOffset() + entry.getSize() - 1;
    }
    try (RandomAccessFile file = new RandomAccessFile(corrupt.toFile(), "rw")) {
      file.seek(offset);
      int b = file.read();
      file.seek(offset);
      file.write(b ^ 0xff);
    }
    long layersBefore = dockerd.layerCount();

    assertThatThrownBy(() -> service.importAndLoad(corrupt, Optional.empty(), Source.cli("test"), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("digest mismatch");
    assertThat(service.cache().blobs().list()).as("nothing committed").isEmpty();
    assertThat(service.list()).isEmpty();
    assertThat(dockerd.engine().inspect(v2Id)).isEmpty();
    assertThat(dockerd.engine().inspect(REPO + ":current")).isEmpty();
    assertThat(dockerd.partialImages()).as("partial images removed").isEmpty();
    assertThat(dockerd.layerCount()).as("layers sent early were dropped again").isEqualTo(layersBefore);
  }

  @Test
  void load_twice_secondIsOk() throws Exception {
    service.importArchive(v1Archive, Optional.empty(), Source.cli("test"), Progress.NONE);
    service.load(List.of(REPO + ":1"), Source.cli("test"), Progress.NONE);
    events.clear();

    List<ImageResult> again = service.load(List.of(REPO + ":1"), Source.cli("test"), Progress.NONE);

    assertThat(again.get(0).outcome()).isEqualTo(Outcome.OK);
    assertThat(events).isEmpty();
  }

  @Test
  void rollback_afterV2_makesV1CurrentInEngine() throws Exception {
    service.importArchive(v1Archive, Optional.empty(), Source.cli("test"), Progress.NONE);
    service.importArchive(v2Archive, Optional.empty(), Source.cli("test"), Progress.NONE);
    service.load(List.of(REPO + ":1"), Source.cli("test"), Progress.NONE);
    service.load(List.of(REPO + ":2"), Source.cli("test"), Progress.NONE);
    assertThat(dockerd.engine().inspect(REPO + ":current").orElseThrow().id()).hasToString(v2Id);

    ImageResult result = service.rollback(REPO, Optional.empty(), Source.command("cmd-rb"), Progress.NONE);

    assertThat(result.outcome()).isEqualTo(Outcome.CHANGED);
    assertThat(dockerd.engine().inspect(REPO + ":current").orElseThrow().id()).hasToString(v1Id);
    RepositoryHistory history = service.list().get(0).history();
    assertThat(history.current()).isEqualTo("1");
    assertThat(history.events()).extracting(e -> e.type()).endsWith("ROLLED_BACK");
    assertThat(events).extracting(ImageEvent::type).endsWith(ImageEventType.ROLLED_BACK);
  }

  @Test
  void rollback_engineLostVersion_reloadsFromCache() throws Exception {
    service.importArchive(v1Archive, Optional.empty(), Source.cli("test"), Progress.NONE);
    service.importArchive(v2Archive, Optional.empty(), Source.cli("test"), Progress.NONE);
    service.load(List.of(REPO + ":1", REPO + ":2"), Source.cli("test"), Progress.NONE);
    dockerd.docker("rmi", REPO + ":1");
    assertThat(dockerd.engine().inspect(v1Id)).as("v1 gone from the engine").isEmpty();

    ImageResult result = service.rollback(REPO, Optional.of("1"), Source.cli("test"), Progress.NONE);

    assertThat(result.outcome()).isEqualTo(Outcome.CHANGED);
    assertThat(result.detail()).contains("loaded");
    assertThat(dockerd.engine().inspect(REPO + ":current").orElseThrow().id()).hasToString(v1Id);
    assertThat(events).extracting(ImageEvent::type).endsWith(ImageEventType.LOADED, ImageEventType.ROLLED_BACK);
  }

  @Test
  void load_v2AfterV1_skipsLayerEngineHas() throws Exception {
    service.importArchive(v1Archive, Optional.empty(), Source.cli("test"), Progress.NONE);
    service.importArchive(v2Archive, Optional.empty(), Source.cli("test"), Progress.NONE);
    service.load(List.of(REPO + ":1"), Source.cli("test"), Progress.NONE);

    ImageResult result = service.load(List.of(REPO + ":2"), Source.cli("test"), Progress.NONE).get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.CHANGED);
    assertThat(result.detail()).contains("1 layers sent, 1 skipped");
    assertThat(dockerd.engine().inspect(REPO + ":2").orElseThrow().id()).hasToString(v2Id);
    assertThat(dockerd.docker("run", "--rm", "--network", "none", REPO + ":2", "cat", "/app/version")).isEqualTo("version 2");
  }

  @Test
  void importArchive_v2AfterV1_writesOnlyNewLayer() throws Exception {
    ImportReport first = service.importArchive(v1Archive, Optional.empty(), Source.cli("test"), Progress.NONE);
    long baseLayer = first.images().get(0).size();

    ImportReport second = service.importArchive(v2Archive, Optional.empty(), Source.cli("test"), Progress.NONE);

    long newLayer = second.images().get(0).size() - baseLayer;
    assertThat(second.images().get(0).layersCached()).isEqualTo(1);
    assertThat(second.bytesAdded()).as("new layer + new config + manifest, not the 2 MB busybox layer")
        .isLessThan(baseLayer / 10)
        .isGreaterThan(newLayer);
    assertThat(second.bytesStaged()).isLessThan(baseLayer / 10);
  }

  @Test
  void importArchive_corruptArchive_isRejectedAndNothingLoaded() throws Exception {
    Path corrupt = base.resolve("corrupt.tar");
    Files.copy(v1Archive, corrupt);
    try (RandomAccessFile file = new RandomAccessFile(corrupt.toFile(), "rw")) {
      long middle = file.length() / 2; // inside the busybox layer
      file.seek(middle);
      int b = file.read();
      file.seek(middle);
      file.write(b ^ 0xff);
    }

    assertThatThrownBy(() -> service.importArchive(corrupt, Optional.empty(), Source.cli("test"), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class);
    List<ImageResult> load = service.load(List.of(REPO + ":1"), Source.cli("test"), Progress.NONE);

    assertThat(load.get(0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(load.get(0).detail()).contains("not in the cache");
    assertThat(service.cache().blobs().list()).isEmpty();
    assertThat(dockerd.engine().inspect(v1Id)).isEmpty();
  }

  @Test
  void importArchive_truncatedArchive_isRejectedAndNothingCached() throws Exception {
    Path truncated = base.resolve("truncated.tar");
    Files.copy(v2Archive, truncated);
    try (RandomAccessFile file = new RandomAccessFile(truncated.toFile(), "rw")) {
      file.setLength(file.length() - 3000);
    }

    assertThatThrownBy(() -> service.importArchive(truncated, Optional.empty(), Source.cli("test"), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class);
    assertThat(service.cache().blobs().list()).isEmpty();
    assertThat(service.list()).isEmpty();
  }

  @Test
  void load_cachedLayerTamperedAfterImport_engineRefusesAndNothingIsLoaded() throws Exception {
    service.importArchive(v1Archive, Optional.empty(), Source.cli("test"), Progress.NONE);
    Digest layer = service.cache().get(dev.cairn.agent.image.oci.ImageRef.parse(REPO + ":1")).manifest().layers().get(0).digest();
    Path blob = service.cache().blobs().path(layer);
    try (RandomAccessFile file = new RandomAccessFile(blob.toFile(), "rw")) {
      file.seek(file.length() / 2);
      int b = file.read();
      file.seek(file.length() / 2);
      file.write(b ^ 0x55);
    }

    ImageResult result = service.load(List.of(REPO + ":1"), Source.cli("test"), Progress.NONE).get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.detail()).contains("refused the image");
    assertThat(dockerd.engine().inspect(v1Id)).isEmpty();
    assertThat(dockerd.engine().inspect(REPO + ":current")).isEmpty();
    assertThat(service.list().get(0).history().current()).isNull();
  }

  @Test
  void gc_keepZero_freesV1ButKeepsCurrent() throws Exception {
    service.importArchive(v1Archive, Optional.empty(), Source.cli("test"), Progress.NONE);
    service.importArchive(v2Archive, Optional.empty(), Source.cli("test"), Progress.NONE);
    service.load(List.of(REPO + ":2"), Source.cli("test"), Progress.NONE);

    GcReport report = service.gc(new dev.cairn.agent.image.history.RetentionPolicy(0, 0), Source.cli("test"));

    assertThat(report.removed()).extracting(d -> d.version().tag()).containsExactly("1");
    assertThat(report.blobsRemoved()).as("v1's manifest and config; the shared layer stays").isEqualTo(2);
    assertThat(service.cache().find(dev.cairn.agent.image.oci.ImageRef.parse(REPO + ":2"))).isPresent();
    assertThat(service.cache().find(dev.cairn.agent.image.oci.ImageRef.parse(REPO + ":1"))).isEmpty();
    Digest v2 = Digest.parse(v2Id);
    assertThat(service.cache().blobs().contains(v2)).isTrue();
  }
}

package dev.cairn.agent.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.image.archive.TestImage;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.engine.DockerEngine;
import dev.cairn.agent.image.history.RetentionPolicy;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.ImageRef;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's cache-only operations (no engine): history, hit rate, GC, failure results. */
class ImageServiceTest {

  @TempDir Path dir;

  @Test
  void importArchive_successiveVersions_recordHistoryAndHitRate() throws Exception {
    List<ImageEvent> events = new ArrayList<>();
    ImageService service = ImageService.open(dir.resolve("base"), ImageSettings.defaults(),
        () -> DockerEngine.connect("unix://" + dir.resolve("no.sock")), events::add, Clock.systemUTC());
    byte[] base = TestImage.layer("base", "b".repeat(4000));
    byte[] lib = TestImage.layer("lib", "l".repeat(4000));
    for (int v = 1; v <= 5; v++) {
      TestImage image = new TestImage("test/hit:" + v, List.of(base, lib, TestImage.layer("app", "version " + v)));
      service.importArchive(image.dockerSave().write(dir.resolve(v + ".tar")), Optional.empty(), Source.bundle("b" + v),
          Progress.NONE);
    }

    RepositoryStatus status = service.list().get(0);

    assertThat(status.history().versions()).hasSize(5);
    assertThat(status.history().versions().get(4).source()).isEqualTo("bundle:b5");
    assertThat(status.hitRate().layersNeeded()).isEqualTo(12);
    assertThat(status.hitRate().layersFound()).isEqualTo(8);
    assertThat(events).hasSize(5).allMatch(e -> e.type() == ImageEventType.IMPORTED);
  }

  @Test
  void gc_keepOneWithoutCurrent_evictsOldVersionsAndFreesTheirBlobs() throws Exception {
    List<ImageEvent> events = new ArrayList<>();
    ImageService service = ImageService.open(dir.resolve("base"), ImageSettings.defaults(), () -> null, events::add,
        Clock.systemUTC());
    byte[] base = TestImage.layer("base", "b".repeat(4000));
    for (int v = 1; v <= 4; v++) {
      TestImage image = new TestImage("test/gc:" + v, List.of(base, TestImage.layer("app", "v".repeat(1000 * v))));
      service.importArchive(image.dockerSave().write(dir.resolve(v + ".tar")), Optional.empty(), Source.cli("t"), Progress.NONE);
    }
    long before = service.cache().blobs().list().values().stream().mapToLong(Long::longValue).sum();

    GcReport report = service.gc(new RetentionPolicy(1, 0), Source.cli("gc"));

    assertThat(report.removed()).extracting(d -> d.version().tag()).containsExactly("1", "2");
    assertThat(report.blobsRemoved()).isEqualTo(6);
    long after = service.cache().blobs().list().values().stream().mapToLong(Long::longValue).sum();
    assertThat(report.bytesFreed()).isEqualTo(before - after).isPositive();
    assertThat(service.list().get(0).history().versions()).extracting(v -> v.tag()).containsExactly("3", "4");
    assertThat(events).extracting(ImageEvent::type).endsWith(ImageEventType.EVICTED, ImageEventType.EVICTED);
  }

  @Test
  void gc_manifestOfAKeptVersionUnreadable_deletesNothing() throws Exception {
    ImageService service = ImageService.open(dir.resolve("base"), ImageSettings.defaults(), () -> null, e -> { },
        Clock.systemUTC());
    byte[] base = TestImage.layer("base", "b".repeat(4000));
    for (int v = 1; v <= 2; v++) {
      TestImage image = new TestImage("test/gc:" + v, List.of(base, TestImage.layer("app", "v".repeat(1000 * v))));
      service.importArchive(image.dockerSave().write(dir.resolve(v + ".tar")), Optional.empty(), Source.cli("t"), Progress.NONE);
    }
    Digest manifest = service.cache().refs().get(ImageRef.parse("test/gc:1")).digest();
    Path file = service.cache().blobs().path(manifest);
    java.nio.file.Files.delete(file);
    java.nio.file.Files.createDirectory(file); // present, but not readable as a file (as EACCES or EIO would be)
    var blobsBefore = service.cache().blobs().list().keySet();

    assertThatThrownBy(() -> service.gc(new RetentionPolicy(1, 0), Source.cli("gc")))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining("nothing was deleted");

    assertThat(service.cache().blobs().list().keySet()).containsAll(
        blobsBefore.stream().filter(d -> !d.equals(manifest)).toList());
  }

  @Test
  void load_unreachableEngine_failsWithClearDetail() throws Exception {
    ImageService service = ImageService.open(dir.resolve("base"), ImageSettings.defaults(),
        () -> DockerEngine.connect("unix://" + dir.resolve("no.sock")), ImageEventListener.NONE, Clock.systemUTC());
    TestImage image = new TestImage("test/x:1", List.of(TestImage.layer("a", "a")));
    service.importArchive(image.dockerSave().write(dir.resolve("x.tar")), Optional.empty(), Source.cli("t"), Progress.NONE);

    ImageResult result = service.load(List.of("test/x:1"), Source.cli("t"), Progress.NONE).get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.detail()).contains("cannot reach the Docker engine").contains("--docker-host");
  }

  @Test
  void rollback_noPreviousVersion_failsNamingKnownVersions() throws Exception {
    ImageService service = ImageService.open(dir.resolve("base"), ImageSettings.defaults(), () -> null,
        ImageEventListener.NONE, Clock.systemUTC());

    ImageResult result = service.rollback("test/none", Optional.empty(), Source.cli("t"), Progress.NONE);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.detail()).contains("no versions of test/none");
  }
}

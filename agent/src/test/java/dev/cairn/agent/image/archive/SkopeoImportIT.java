package dev.cairn.agent.image.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.image.ImageEventListener;
import dev.cairn.agent.image.ImageResult;
import dev.cairn.agent.image.ImageService;
import dev.cairn.agent.image.ImageSettings;
import dev.cairn.agent.image.Outcome;
import dev.cairn.agent.image.Source;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.oci.ImageRef;
import dev.cairn.agent.image.oci.MediaTypes;
import dev.cairn.agent.image.testing.BusyboxImages;
import dev.cairn.agent.image.testing.Commands;
import dev.cairn.agent.image.testing.Dockerd;
import dev.cairn.agent.image.testing.DockerdExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** OCI layouts and archives written by skopeo (gzip layers) import and load into the engine. */
@ExtendWith(DockerdExtension.class)
class SkopeoImportIT {

  @TempDir Path dir;

  @Test
  void importArchive_skopeoOciLayoutAndArchive_loadIntoEngine(Dockerd dockerd) throws Exception {
    Commands.require("skopeo", "skopeo");
    BusyboxImages busybox = new BusyboxImages(dockerd, dir);
    busybox.build("test/skopeo", 2);
    Path saved = busybox.save("test/skopeo:2");
    String id = busybox.id("test/skopeo:2");
    busybox.removeAll("test/skopeo:1", "test/skopeo:2");
    Path layout = dir.resolve("layout");
    Path ociArchive = dir.resolve("oci.tar");
    Commands.run(List.of("skopeo", "copy", "-q", "docker-archive:" + saved, "oci:" + layout + ":2"));
    Commands.run(List.of("skopeo", "copy", "-q", "docker-archive:" + saved, "oci-archive:" + ociArchive + ":2"));
    ImageService service = ImageService.open(dir.resolve("base"), ImageSettings.defaults(), dockerd::engine,
        ImageEventListener.NONE, Clock.systemUTC());

    ImportReport fromDir = service.importArchive(layout, Optional.of("test/oci-dir"), Source.cli("test"), Progress.NONE);
    ImportReport fromArchive = service.importArchive(ociArchive, Optional.of("test/oci-archive"), Source.cli("test"), Progress.NONE);

    // skopeo rewrites the config while converting, so the image id differs from docker's
    String ociId = fromDir.images().get(0).imageId().toString();
    assertThat(ociId).isNotEqualTo(id);
    assertThat(fromArchive.images().get(0).imageId()).hasToString(ociId);
    assertThat(fromArchive.bytesAdded()).as("same blobs as the layout: nothing new").isZero();
    assertThat(service.cache().get(ImageRef.parse("test/oci-dir:2")).manifest().layers())
        .extracting(l -> l.mediaType()).containsOnly(MediaTypes.OCI_LAYER_GZIP);
    List<ImageResult> results = service.load(List.of("test/oci-dir:2"), Source.cli("test"), Progress.NONE);
    assertThat(results.get(0).outcome()).as(results.get(0).detail()).isEqualTo(Outcome.CHANGED);
    assertThat(dockerd.engine().inspect("test/oci-dir:2").orElseThrow().id()).hasToString(ociId);
    assertThat(dockerd.docker("run", "--rm", "--network", "none", "test/oci-dir:current", "cat", "/app/version"))
        .isEqualTo("version 2");
  }
}

package dev.cairn.agent.image.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.image.archive.ArchiveImporter;
import dev.cairn.agent.image.archive.TestImage;
import dev.cairn.agent.image.cache.CachedImage;
import dev.cairn.agent.image.cache.ImageCache;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.oci.ChainIds;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.DockerSaveManifest;
import dev.cairn.agent.image.oci.ImageRef;
import dev.cairn.agent.image.oci.OciJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerSaveStreamTest {

  @TempDir Path dir;
  private ImageCache cache;
  private CachedImage image;

  @BeforeEach
  void setUp() throws Exception {
    cache = ImageCache.open(dir);
    TestImage test = new TestImage("test/stream:1",
        List.of(TestImage.layer("a", "first ".repeat(300)), TestImage.layer("b", "second"), TestImage.layer("c", "third")));
    new ArchiveImporter(cache).importArchive(test.dockerSave().write(dir.resolve("in.tar")), Optional.empty(), Progress.NONE);
    image = cache.get(ImageRef.parse("test/stream:1"));
  }

  private Map<String, byte[]> entries(Set<Digest> skip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (DockerSaveStream stream = DockerSaveStream.open(image, cache.blobs(), skip, Progress.NONE);
        TarArchiveInputStream tar = new TarArchiveInputStream(stream)) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        entries.put(e.getName(), tar.readAllBytes());
      }
      assertThat(stream.sent()).isEqualTo(stream.total());
    }
    return entries;
  }

  @Test
  void open_noSkip_isDockerSaveArchiveWithEveryLayer() throws Exception {
    Map<String, byte[]> entries = entries(Set.of());

    List<Digest> chains = ChainIds.of(image.diffIds());
    assertThat(entries.keySet()).containsExactly(image.imageId().hex() + ".json", chains.get(0).hex() + "/layer.tar",
        chains.get(1).hex() + "/layer.tar", chains.get(2).hex() + "/layer.tar", "manifest.json");
    assertThat(Digest.of(entries.get(image.imageId().hex() + ".json"))).isEqualTo(image.imageId());
    for (int i = 0; i < 3; i++) {
      assertThat(Digest.of(entries.get(chains.get(i).hex() + "/layer.tar"))).isEqualTo(image.diffIds().get(i));
    }
    DockerSaveManifest manifest = OciJson.dockerSaveManifest(entries.get("manifest.json")).get(0);
    assertThat(manifest.repoTags()).containsExactly("test/stream:1");
    assertThat(manifest.layers()).hasSize(3);
  }

  @Test
  void open_skipLowerChains_leavesTheirFilesOutButListsThem() throws Exception {
    List<Digest> chains = ChainIds.of(image.diffIds());

    Map<String, byte[]> entries = entries(Set.of(chains.get(0), chains.get(1)));

    assertThat(entries.keySet()).containsExactly(image.imageId().hex() + ".json", chains.get(2).hex() + "/layer.tar",
        "manifest.json");
    assertThat(OciJson.dockerSaveManifest(entries.get("manifest.json")).get(0).layers()).hasSize(3);
  }
}

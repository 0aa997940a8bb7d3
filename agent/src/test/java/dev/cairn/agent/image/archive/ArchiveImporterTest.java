package dev.cairn.agent.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.image.cache.CachedImage;
import dev.cairn.agent.image.cache.ImageCache;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.ImageRef;
import dev.cairn.agent.image.oci.MediaTypes;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveImporterTest {

  @TempDir Path dir;
  private ImageCache cache;
  private ArchiveImporter importer;
  private TestImage v1;
  private TestImage v2;

  @BeforeEach
  void setUp() throws IOException {
    cache = ImageCache.open(dir.resolve("base"));
    importer = new ArchiveImporter(cache);
    byte[] base = TestImage.layer("bin/base", "base layer ".repeat(20_000));
    byte[] app1 = TestImage.layer("app/version", "1");
    byte[] app2 = TestImage.layer("app/version", "2 with more bytes");
    v1 = new TestImage("test/app:1", List.of(base, app1));
    v2 = new TestImage("test/app:2", List.of(base, app2));
  }

  @Test
  void importArchive_legacyDockerSave_cachesOciLayout() throws Exception {
    ImportReport report = importer.importArchive(v1.dockerSave().write(dir.resolve("v1.tar")), Optional.empty(), Progress.NONE);

    assertThat(report.images()).hasSize(1);
    assertThat(report.images().get(0).refs()).containsExactly(ImageRef.parse("test/app:1"));
    assertThat(report.images().get(0).imageId()).isEqualTo(v1.imageId());
    CachedImage cached = cache.get(ImageRef.parse("test/app:1"));
    assertThat(cached.diffIds()).isEqualTo(v1.diffIds());
    assertThat(cached.manifest().layers()).extracting(l -> l.digest()).isEqualTo(v1.diffIds());
    assertThat(cached.manifest().layers()).extracting(l -> l.mediaType()).containsOnly(MediaTypes.OCI_LAYER);
    assertThat(Files.readString(cache.root().resolve("oci-layout"))).contains("imageLayoutVersion");
    assertThat(Files.readString(cache.root().resolve("index.json"))).contains("\"io.containerd.image.name\":\"test/app:1\"");
    for (Digest blob : cached.blobs()) {
      assertThat(Digest.of(Files.readAllBytes(cache.blobs().path(blob)))).isEqualTo(blob);
    }
  }

  @Test
  void importArchive_gzipDockerSave_isReadAsStream() throws Exception {
    ImportReport report = importer.importArchive(v1.dockerSave().writeGzip(dir.resolve("v1.tar.gz")), Optional.empty(), Progress.NONE);

    assertThat(report.images().get(0).imageId()).isEqualTo(v1.imageId());
    assertThat(cache.get(ImageRef.parse("test/app:1")).diffIds()).isEqualTo(v1.diffIds());
  }

  @Test
  void importArchive_v2AfterV1_writesOnlyNewLayer() throws Exception {
    importer.importArchive(v1.dockerSave().write(dir.resolve("v1.tar")), Optional.empty(), Progress.NONE);
    long before = blobBytes();

    ImportReport report = importer.importArchive(v2.dockerSave().write(dir.resolve("v2.tar")), Optional.empty(), Progress.NONE);

    long expected = v2.layers().get(1).length + v2.config().length
        + Files.size(cache.blobs().path(cache.get(ImageRef.parse("test/app:2")).manifestDigest()));
    assertThat(report.bytesAdded()).isEqualTo(expected);
    assertThat(blobBytes() - before).isEqualTo(expected);
    long newContent = v2.layers().get(1).length + v2.config().length;
    assertThat(report.bytesStaged()).as("the shared base layer is hashed, not written; only small metadata is staged besides")
        .isBetween(newContent, newContent + 1024);
    assertThat(report.images().get(0).layersCached()).isEqualTo(1);
  }

  @Test
  void importArchive_v2AfterV1FromGzip_commitsOnlyNewLayer() throws Exception {
    importer.importArchive(v1.dockerSave().write(dir.resolve("v1.tar")), Optional.empty(), Progress.NONE);
    long before = blobBytes();

    ImportReport report = importer.importArchive(v2.dockerSave().writeGzip(dir.resolve("v2.tgz")), Optional.empty(), Progress.NONE);

    assertThat(blobBytes() - before).isEqualTo(report.bytesAdded());
    assertThat(report.bytesAdded()).isLessThan(v2.layers().get(0).length);
  }

  @Test
  void importArchive_flippedByteInLayer_isRejectedAndNothingCached() throws Exception {
    byte[] damaged = v1.layers().get(0).clone();
    damaged[600] ^= 0x01;
    TarBuilder tar = new TestImage("test/app:1", v1.layers()).dockerSave();
    // same archive, but the layer bytes no longer match the config's diff id
    TarBuilder corrupt = new TarBuilder();
    byte[] config = v1.config();
    corrupt.file(Digest.of(config).hex() + ".json", config)
        .file("aaa/layer.tar", damaged)
        .file("bbb/layer.tar", v1.layers().get(1))
        .file("manifest.json", ("[{\"Config\":\"" + Digest.of(config).hex() + ".json\",\"RepoTags\":[\"test/app:1\"],"
            + "\"Layers\":[\"aaa/layer.tar\",\"bbb/layer.tar\"]}]").getBytes(StandardCharsets.UTF_8));
    assertThat(tar).isNotNull();

    assertThatThrownBy(() -> importer.importArchive(corrupt.write(dir.resolve("bad.tar")), Optional.empty(), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("digest mismatch");
    assertNothingCached();
  }

  @Test
  void importArchive_flippedByteInGzipArchive_isRejectedAndNothingCached() throws Exception {
    Path file = v1.dockerSave().writeGzip(dir.resolve("v1.tgz"));
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(file, bytes);

    assertThatThrownBy(() -> importer.importArchive(file, Optional.empty(), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class);
    assertNothingCached();
  }

  @Test
  void importArchive_truncated_isRejectedAndNothingCached() throws Exception {
    Path file = v1.dockerSave().write(dir.resolve("v1.tar"));
    long cut = Files.size(file) / 2;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(cut);
    }

    assertThatThrownBy(() -> importer.importArchive(file, Optional.empty(), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("nothing was imported");
    assertNothingCached();
  }

  @Test
  void importArchive_truncatedGzip_isRejectedAndNothingCached() throws Exception {
    Path file = v1.dockerSave().writeGzip(dir.resolve("v1.tgz"));
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(raf.length() - 100);
    }

    assertThatThrownBy(() -> importer.importArchive(file, Optional.empty(), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class);
    assertNothingCached();
  }

  @Test
  void importArchive_dotDotEntry_isRejectedAndNothingCached() throws Exception {
    TarBuilder tar = v1.dockerSave().file("../../evil", "x".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> importer.importArchive(tar.write(dir.resolve("evil.tar")), Optional.empty(), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("escapes the archive");
    assertNothingCached();
    assertThat(dir.getParent().resolve("evil")).doesNotExist();
  }

  @Test
  void importArchive_absoluteEntry_isRejected() throws Exception {
    TarBuilder tar = v1.dockerSave().file("/tmp/evil", "x".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> importer.importArchive(tar.write(dir.resolve("evil.tar")), Optional.empty(), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("absolute path");
    assertNothingCached();
  }

  @Test
  void importArchive_symlinkOutside_isRejected() throws Exception {
    TarBuilder tar = v1.dockerSave().symlink("ccc/layer.tar", "../../../etc/passwd");

    assertThatThrownBy(() -> importer.importArchive(tar.write(dir.resolve("evil.tar")), Optional.empty(), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("outside the archive");
    assertNothingCached();
  }

  @Test
  void importArchive_hardlinkOutside_isRejected() throws Exception {
    TarBuilder tar = v1.dockerSave().hardlink("ccc", "../etc/passwd");

    assertThatThrownBy(() -> importer.importArchive(tar.write(dir.resolve("evil.tar")), Optional.empty(), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("outside the archive");
    assertNothingCached();
  }

  @Test
  void importArchive_fifoEntry_isRejected() throws Exception {
    TarBuilder tar = v1.dockerSave().fifo("pipe");

    assertThatThrownBy(() -> importer.importArchive(tar.write(dir.resolve("fifo.tar")), Optional.empty(), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("FIFO");
    assertNothingCached();
  }

  @Test
  void importArchive_layerSymlinkInside_followsLink() throws Exception {
    byte[] config = v1.config();
    String configName = Digest.of(config).hex() + ".json";
    TarBuilder tar = new TarBuilder()
        .file(configName, config)
        .file("aaa/layer.tar", v1.layers().get(0))
        .file("bbb/layer.tar", v1.layers().get(1))
        .symlink("ccc/layer.tar", "../aaa/layer.tar")
        .file("manifest.json", ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"test/app:1\"],"
            + "\"Layers\":[\"ccc/layer.tar\",\"bbb/layer.tar\"]}]").getBytes(StandardCharsets.UTF_8));

    ImportReport report = importer.importArchive(tar.write(dir.resolve("link.tar")), Optional.empty(), Progress.NONE);

    assertThat(report.images().get(0).imageId()).isEqualTo(v1.imageId());
  }

  @Test
  void importArchive_missingLayer_isRejectedAsIncomplete() throws Exception {
    byte[] config = v1.config();
    String configName = Digest.of(config).hex() + ".json";
    TarBuilder tar = new TarBuilder()
        .file(configName, config)
        .file("aaa/layer.tar", v1.layers().get(0))
        .file("manifest.json", ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"test/app:1\"],"
            + "\"Layers\":[\"aaa/layer.tar\",\"bbb/layer.tar\"]}]").getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> importer.importArchive(tar.write(dir.resolve("part.tar")), Optional.empty(), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("lacks 'bbb/layer.tar'");
    assertNothingCached();
  }

  @Test
  void importArchive_notAnImage_isRejected() throws Exception {
    TarBuilder tar = new TarBuilder().file("hello.txt", "hi".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> importer.importArchive(tar.write(dir.resolve("x.tar")), Optional.empty(), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("not an image archive");
  }

  @Test
  void importArchive_ociLayoutWithBareTag_needsName() throws Exception {
    Path file = v1.ociLayout("1").write(dir.resolve("oci.tar"));

    assertThatThrownBy(() -> importer.importArchive(file, Optional.empty(), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("--name");
    ImportReport report = importer.importArchive(file, Optional.of("test/oci"), Progress.NONE);

    assertThat(report.images().get(0).refs()).containsExactly(ImageRef.parse("test/oci:1"));
    assertThat(cache.get(ImageRef.parse("test/oci:1")).imageId()).isEqualTo(v1.imageId());
  }

  @Test
  void importArchive_invalidName_isRefusedBeforeAnythingIsRead() throws Exception {
    Path file = v1.dockerSave().write(dir.resolve("v1.tar"));

    for (String bad : List.of("Test/App:1", "test/app:bad tag", "test//app")) {
      assertThatThrownBy(() -> importer.importArchive(file, Optional.of(bad), Progress.NONE)).as(bad)
          .isInstanceOf(ArchiveRejectedException.class)
          .hasMessageContaining("--name '" + bad + "' is neither NAME nor NAME:TAG").hasMessageContaining("nothing was imported");
    }
    assertThat(cache.refs()).isEmpty();

    ImportReport renamed = importer.importArchive(file, Optional.of("127.0.0.1:5000/test/app:7"), Progress.NONE);
    assertThat(renamed.images().get(0).refs()).containsExactly(ImageRef.parse("127.0.0.1:5000/test/app:7"));
    ImportReport named = importer.importArchive(v1.ociLayout("1").write(dir.resolve("oci.tar")),
        Optional.of("127.0.0.1:5000/test/oci"), Progress.NONE);
    assertThat(named.images().get(0).refs()).containsExactly(ImageRef.parse("127.0.0.1:5000/test/oci:1"));
  }

  @Test
  void importArchive_ociBlobNotMatchingItsName_isRejected() throws Exception {
    Path file = v1.ociLayout("1")
        .file("blobs/sha256/" + Digest.of("something else").hex(), "tampered".getBytes(StandardCharsets.UTF_8))
        .write(dir.resolve("oci.tar"));

    assertThatThrownBy(() -> importer.importArchive(file, Optional.of("test/oci"), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("digest mismatch");
    assertNothingCached();
  }

  @Test
  void importArchive_ociBlobThatIsALinkToAnotherBlobOfTheSameSize_isRejected() throws Exception {
    TestImage linked = new TestImage("test/link:1",
        List.of(TestImage.layer("f", "aaaa"), TestImage.layer("f", "bbbb"))); // equal sizes
    Path file = linked.ociLayout("1", 1).write(dir.resolve("oci.tar"));

    assertThatThrownBy(() -> importer.importArchive(file, Optional.of("test/link"), Progress.NONE))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("has the content of");
    assertNothingCached();
  }

  @Test
  void importArchive_ociLayoutDirectory_isImported() throws Exception {
    Path layout = dir.resolve("layout");
    Files.createDirectories(layout);
    Path tar = v1.ociLayout("1").write(dir.resolve("oci.tar"));
    new ProcessBuilder("tar", "-C", layout.toString(), "-xf", tar.toString()).inheritIO().start().waitFor();

    ImportReport report = importer.importArchive(layout, Optional.of("test/dir"), Progress.NONE);

    assertThat(report.images().get(0).imageId()).isEqualTo(v1.imageId());
  }

  private long blobBytes() throws IOException {
    return cache.blobs().list().values().stream().mapToLong(Long::longValue).sum();
  }

  private void assertNothingCached() throws IOException {
    assertThat(cache.blobs().list()).isEmpty();
    assertThat(cache.refs()).isEmpty();
    Path staging = cache.root().resolve("staging");
    if (Files.exists(staging)) {
      try (Stream<Path> left = Files.list(staging)) {
        assertThat(left).isEmpty();
      }
    }
  }
}

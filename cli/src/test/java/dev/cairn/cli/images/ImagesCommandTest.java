package dev.cairn.cli.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.OciJson;
import dev.cairn.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cairn images} driven as bin/cairn runs it: text and JSON output, exit codes, error messages. */
class ImagesCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int cairn(String... args) {
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  /** A one-layer docker-save archive holding {@code file} with {@code content}. */
  private Path archive(String ref, String content) throws IOException {
    byte[] layer = tar(Map.of("file", content.getBytes(StandardCharsets.UTF_8)));
    byte[] config = OciJson.bytes(Map.of("architecture", "amd64", "os", "linux",
        "rootfs", Map.of("type", "layers", "diff_ids", List.of(Digest.of(layer).toString()))));
    String configName = Digest.of(config).hex() + ".json";
    byte[] manifest = OciJson.bytes(List.of(Map.of("Config", configName, "RepoTags", List.of(ref), "Layers", List.of("l/layer.tar"))));
    Path file = dir.resolve(ref.replace('/', '_').replace(':', '_') + ".tar");
    Files.write(file, tar(Map.of(configName, config, "l/layer.tar", layer, "manifest.json", manifest)));
    return file;
  }

  private static byte[] tar(Map<String, byte[]> files) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : new java.util.TreeMap<>(files).entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(file.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void import_thenListJson_showsVersionsAndHitRate() throws Exception {
    String base = dir.resolve("base").toString();
    assertThat(cairn("images", "import", "--base", base, archive("test/cli:1", "one").toString())).isZero();
    assertThat(out.toString()).contains("imported test/cli:1").contains("layers found in the cache: 0 of 1");
    assertThat(cairn("images", "import", "--base", base, archive("test/cli:2", "two").toString())).isZero();
    out.getBuffer().setLength(0);

    assertThat(cairn("images", "list", "--base", base, "--json")).isZero();

    JsonNode list = OciJson.MAPPER.readTree(out.toString());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).at("/history/repository").asText()).isEqualTo("test/cli");
    assertThat(list.get(0).at("/history/versions")).hasSize(2);
    assertThat(list.get(0).at("/hitRate/layersNeeded").asInt()).isEqualTo(1);
  }

  @Test
  void import_damagedArchive_exitsOneWithMessageAndNoStackTrace() throws Exception {
    Path file = archive("test/cli:1", "one");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3));

    int exit = cairn("images", "import", "--base", dir.resolve("base").toString(), file.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("cairn images import: ").contains("nothing was imported").doesNotContain("\tat ");
  }

  @Test
  void gc_json_reportsFreedBytes() throws Exception {
    String base = dir.resolve("base").toString();
    for (int v = 1; v <= 3; v++) {
      cairn("images", "import", "--base", base, archive("test/gc:" + v, "version " + v).toString());
    }
    out.getBuffer().setLength(0);

    assertThat(cairn("images", "gc", "--base", base, "--keep", "0", "--budget", "1G", "--json")).isZero();

    JsonNode report = OciJson.MAPPER.readTree(out.toString());
    assertThat(report.get("blobsRemoved").asInt()).isEqualTo(6);
    assertThat(report.get("bytesFreed").asLong()).isPositive();
  }

  @Test
  void load_unreachableEngine_exitsOneNamingDockerHost() throws Exception {
    String base = dir.resolve("base").toString();
    cairn("images", "import", "--base", base, archive("test/cli:1", "one").toString());

    int exit = cairn("images", "load", "--base", base, "--docker-host", "unix://" + dir.resolve("none.sock"), "test/cli:1");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("FAILED").contains("cannot reach the Docker engine").contains("--docker-host");
  }

  @Test
  void importLoad_unreachableEngine_importsButExitsOne() throws Exception {
    String base = dir.resolve("base").toString();

    int exit = cairn("images", "import", "--load", "--base", base, "--docker-host", "unix://" + dir.resolve("none.sock"),
        archive("test/cli:1", "one").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("imported test/cli:1");
    assertThat(err.toString()).contains("FAILED  test/cli:1").contains("cannot reach the Docker engine");
  }

  @Test
  void rollback_unknownRepository_exitsOne() {
    assertThat(cairn("images", "rollback", "--base", dir.resolve("base").toString(), "test/none")).isEqualTo(1);
    assertThat(err.toString()).contains("no versions of test/none");
  }

  @Test
  void help_listsEverySubcommand() {
    assertThat(cairn("images", "--help")).isZero();
    assertThat(out.toString()).contains("import", "list", "load", "rollback", "gc", "push");
  }

  @Test
  void sizes_parseUnits() {
    assertThat(Sizes.parse("500M")).isEqualTo(500L << 20);
    assertThat(Sizes.parse("2GiB")).isEqualTo(2L << 30);
    assertThat(Sizes.parse("1024")).isEqualTo(1024);
    assertThat(Sizes.format(1536)).isEqualTo("1.5 KiB");
  }
}

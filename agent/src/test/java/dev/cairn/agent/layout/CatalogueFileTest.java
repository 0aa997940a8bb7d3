package dev.cairn.agent.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.inventory.desired.DesiredState.DriftPolicy;
import dev.cairn.inventory.desired.DesiredStateCodec;
import dev.cairn.inventory.desired.Volume;
import dev.cairn.inventory.desired.Volume.Tier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueFileTest {

  @TempDir Path dir;

  private Path base() {
    return dir.resolve("ai-q");
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private CatalogueException refused(Path file) {
    CatalogueException e = catchThrowableOfType(() -> CatalogueFile.read(file, base()), CatalogueException.class);
    assertThat(e).as("the catalogue is refused").isNotNull();
    assertThat(e.getMessage()).contains("nothing was changed");
    assertThat(base()).as("nothing is touched").doesNotExist();
    return e;
  }

  @Test
  void read_variablesFile_changesAndAddsVolumesOnTopOfTheSeedsCatalogue() throws Exception {
    Path file = file("volumes.yml", """
        cairn_services: [postgresql, redis]
        cairn_drift: report
        cairn_volumes:
          postgresql-data: {tier: hot, mode: "0700", owner: "70", group: "70"}
          ollama-models: {path: data/ollama, service: ollama, mode: "0750", tier: warm, owner: "1000"}
        cairn_alert_thresholds: {capacity_warning_percent: 70, capacity_critical_percent: 85}
        """);
    Catalogue catalogue = CatalogueFile.read(file, base());

    assertThat(catalogue.declared()).isTrue();
    assertThat(catalogue.drift()).isEqualTo(DriftPolicy.REPORT);
    assertThat(catalogue.base()).isEqualTo(base().toAbsolutePath());
    assertThat(catalogue.volumes()).hasSize(6 + 2 * 3 + 1);
    Volume postgres = catalogue.volume("postgresql-data").orElseThrow();
    assertThat(postgres.owner()).isEqualTo("70");
    assertThat(postgres.mode()).isEqualTo("0700");
    assertThat(postgres.path()).isEqualTo(base().resolve("data/postgresql").toString());
    Volume ollama = catalogue.volume("ollama-models").orElseThrow();
    assertThat(ollama.tier()).isEqualTo(Tier.WARM);
    assertThat(ollama.path()).isEqualTo(base().resolve("data/ollama").toString());
    assertThat(catalogue.thresholds().capacityWarningPercent()).isEqualTo(70);
  }

  @Test
  void read_jsonDesiredStateDocument_isAcceptedAsIs() throws Exception {
    String json = DesiredStateCodec.toJson(LocalDesiredState.defaults(base().toAbsolutePath()));
    Catalogue catalogue = CatalogueFile.read(file("desired.json", json), base());
    assertThat(catalogue.volumes()).hasSize(6 + 7 * 3);
    assertThat(catalogue.volume("postgresql-data").orElseThrow().mode()).isEqualTo("0700");
  }

  @Test
  void read_unknownFields_areRefusedWithTheirNames() throws Exception {
    CatalogueException e = refused(file("volumes.yml", """
        cairn_volumes:
          postgresql-data: {mode: "0700", colour: blue}
        volumes_extra: 1
        """));
    assertThat(e.problems()).anyMatch(p -> p.contains("volumes_extra") && p.contains("unknown field"));
    assertThat(e.getMessage()).contains("colour");
  }

  @Test
  void read_unknownFieldInDesiredStateDocument_isRefused() throws Exception {
    String json = DesiredStateCodec.toJson(LocalDesiredState.defaults(base().toAbsolutePath()))
        .replaceFirst("\\{", "{\"colour\": \"blue\",");
    assertThat(refused(file("desired.json", json)).getMessage()).contains("colour");
  }

  @Test
  void read_impossibleModes_areRefused() throws Exception {
    CatalogueException e = refused(file("volumes.yml", """
        cairn_volumes:
          postgresql-data: {mode: "0999"}
          redis-data: {mode: 0750}
          gitea-data: {mode: "127777"}
        """));
    assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(e.getMessage()).contains("postgresql-data.mode").contains("redis-data.mode")
        .contains("gitea-data.mode").contains("quoted");
  }

  @Test
  void read_impossibleModeInDesiredStateDocument_isRefusedByTheValidator() throws Exception {
    String json = DesiredStateCodec.toJson(LocalDesiredState.defaults(base().toAbsolutePath()))
        .replace("\"0700\"", "\"0800\"");
    assertThat(refused(file("desired.json", json)).getMessage()).contains("postgresql-data]")
        .contains("'0800' is not an octal file mode");
  }

  @Test
  void read_duplicatePaths_areRefused() throws Exception {
    CatalogueException e = refused(file("volumes.yml", """
        cairn_volumes:
          extra: {path: data/postgresql}
        """));
    assertThat(e.getMessage()).contains("the same directory as volume").contains("data/postgresql");
  }

  @Test
  void read_pathsOutsideTheBase_areRefused() throws Exception {
    CatalogueException e = refused(file("volumes.yml", """
        cairn_volumes:
          escape: {path: ../etc}
          elsewhere: {path: /var/lib/other}
        """));
    assertThat(e.getMessage()).contains("'../etc' is outside the base directory")
        .contains("'/var/lib/other' is outside the base directory");
  }

  @Test
  void read_otherBaseThanTheCommandLine_isRefused() throws Exception {
    assertThat(refused(file("volumes.yml", "cairn_base_dir: /srv/other\n")).getMessage())
        .contains("differs from --base");
  }

  @Test
  void read_brokenYamlOrNotUtf8_isRefusedWithTheLine() throws Exception {
    assertThat(refused(file("volumes.yml", "cairn_volumes:\n  a: [unclosed\n")).getMessage())
        .contains("invalid YAML");
    Path latin1 = dir.resolve("latin1.yml");
    Files.write(latin1, "cairn_labels: {site: \"S\u00f8r\"}\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(refused(latin1).getMessage()).contains("not UTF-8");
    assertThatThrownBy(() -> CatalogueFile.read(dir.resolve("missing.yml"), base())).isInstanceOf(IOException.class);
  }
}

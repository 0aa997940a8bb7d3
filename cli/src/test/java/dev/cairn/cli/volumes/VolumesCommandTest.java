package dev.cairn.cli.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.cli.inventory.CliRun;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command tree on real directories (run as root here, so owners are set). */
class VolumesCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path base() {
    return dir.resolve("ai-q");
  }

  @Test
  void init_defaultCatalogue_createsTheSeedsLayoutAndASecondRunChangesNothing() throws Exception {
    CliRun first = CliRun.of("volumes", "init", "--base", base().toString());
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.out()).contains("27 volumes under " + base() + ": 27 created, 0 repaired, 0 with drift");
    Path postgres = base().resolve("data/postgresql");
    assertThat(Files.getPosixFilePermissions(postgres)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getAttribute(postgres, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(999);

    CliRun second = CliRun.of("volumes", "init", "--base", base().toString(), "--json");
    assertThat(second.status()).isZero();
    JsonNode report = JSON.readTree(second.out());
    assertThat(report.get("changed").asBoolean()).isFalse();
    assertThat(report.get("volumes")).hasSize(27);
    for (JsonNode volume : report.get("volumes")) {
      assertThat(volume.get("drift")).as(volume.get("name").asText()).isEmpty();
      assertThat(volume.get("changes")).isEmpty();
    }
  }

  @Test
  void init_driftWithRepairPolicy_repairsAndWithReportPolicyListsAndExitsOne() throws Exception {
    CliRun.of("volumes", "init", "--base", base().toString());
    Path redis = base().resolve("data/redis");
    Files.setPosixFilePermissions(redis, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path catalogue = Files.writeString(dir.resolve("volumes.yml"), "cairn_drift: report\n");

    CliRun report = CliRun.of("volumes", "init", "--base", base().toString(), "--catalogue", catalogue.toString());
    assertThat(report.status()).isEqualTo(1);
    assertThat(report.out()).contains("redis-data").contains("DRIFT mode 0777, want 0750")
        .contains("drift policy REPORT");
    assertThat(Files.getPosixFilePermissions(redis)).isEqualTo(PosixFilePermissions.fromString("rwxrwxrwx"));

    CliRun repair = CliRun.of("volumes", "init", "--base", base().toString());
    assertThat(repair.status()).isZero();
    assertThat(repair.out()).contains("mode 0777 -> 0750");
    assertThat(Files.getPosixFilePermissions(redis)).isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
  }

  @Test
  void init_invalidCatalogue_isRefusedWithEveryProblemAndTouchesNothing() throws Exception {
    Path catalogue = Files.writeString(dir.resolve("volumes.yml"), """
        cairn_volumes:
          postgresql-data: {mode: "0999", size: 10}
          extra: {path: /etc/extra}
          twin: {path: data/redis}
        """);
    CliRun run = CliRun.of("volumes", "init", "--base", base().toString(), "--catalogue", catalogue.toString());
    assertThat(run.status()).isEqualTo(VolumesSubcommand.REFUSED);
    assertThat(run.err()).contains("nothing was changed").contains("postgresql-data.mode").contains("size")
        .contains("outside the base directory").contains("the same directory as volume")
        .doesNotContain("Exception");
    assertThat(base()).doesNotExist();
  }

  @Test
  void init_missingCatalogueFile_saysSo() {
    CliRun run = CliRun.of("volumes", "init", "--base", base().toString(), "--catalogue",
        dir.resolve("nope.yml").toString());
    assertThat(run.status()).isEqualTo(VolumesSubcommand.REFUSED);
    assertThat(run.err()).contains("nope.yml does not exist");
  }

  @Test
  void health_afterInit_reportsEveryVolumeAsJsonWithTheProtoFields() throws Exception {
    CliRun.of("volumes", "init", "--base", base().toString());
    Files.write(base().resolve("data/postgresql/table"), new byte[50_000]);

    CliRun run = CliRun.of("volumes", "health", "--base", base().toString(), "--json");

    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("volumes")).hasSize(27);
    JsonNode postgres = null;
    for (JsonNode v : report.get("volumes")) {
      if (v.get("name").asText().equals("postgresql-data")) {
        postgres = v;
      }
    }
    assertThat(postgres).isNotNull();
    assertThat(postgres.get("usedBytes").asLong()).isEqualTo(50_000);
    assertThat(postgres.get("tier").asText()).isEqualTo("hot");
    assertThat(postgres.get("capacityBytes").asLong()).isPositive();
    assertThat(postgres.get("daysToFull").asDouble()).isEqualTo(-1);
    assertThat(postgres.get("drift")).isEmpty();
    String status = report.get("status").asText();
    assertThat(run.status()).isEqualTo(switch (status) {
      case "ok" -> 0;
      case "warning" -> 1;
      default -> 2;
    });
  }

  @Test
  void health_driftAndMissingVolume_areWarningsInTheTable() throws Exception {
    CliRun.of("volumes", "init", "--base", base().toString());
    Files.setPosixFilePermissions(base().resolve("data/postgresql"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.delete(base().resolve("backups/gitea"));
    Path lenient = Files.writeString(dir.resolve("volumes.yml"), """
        cairn_alert_thresholds: {capacity_warning_percent: 99, capacity_critical_percent: 100,
          inodes_warning_percent: 99, inodes_critical_percent: 100}
        """);

    CliRun run = CliRun.of("volumes", "health", "--base", base().toString(), "--catalogue", lenient.toString());

    assertThat(run.status()).as(run.out()).isEqualTo(1);
    assertThat(run.out()).containsPattern("postgresql-data +warning .*mode 0755, want 0700")
        .containsPattern("gitea-backup +warning .*missing").containsPattern("redis-data +ok");
  }
}

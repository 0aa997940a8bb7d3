package dev.cairn.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthServiceTest {

  @TempDir Path base;

  @Test
  void measure_existingLayoutDirectories_reportsExactlyThoseWithTheirUsedBytes() throws IOException {
    Files.createDirectories(base.resolve("data/postgresql"));
    Files.createDirectories(base.resolve("logs"));
    Files.write(base.resolve("data/postgresql/base.dat"), new byte[12_345]);
    Files.write(base.resolve("data/top.dat"), new byte[100]);
    Files.createSymbolicLink(base.resolve("logs/link"), base.resolve("data/postgresql/base.dat"));

    HealthReport report = new HealthService(new VolumeLayout(base), HealthThresholds.DEFAULTS, Clock.systemUTC())
        .measure();

    assertThat(report.volumes()).extracting(VolumeHealth::path).containsExactly(
        base.resolve("data").toString(), base.resolve("logs").toString(), base.resolve("data/postgresql").toString());
    VolumeHealth data = report.volumes().get(0);
    assertThat(data.usedBytes()).isEqualTo(12_445);
    assertThat(report.volumes().get(1).usedBytes()).as("symlinks are not followed").isZero();
    VolumeHealth postgres = report.volumes().get(2);
    assertThat(postgres.name()).isEqualTo("postgresql-data");
    assertThat(postgres.service()).isEqualTo("postgresql");
    assertThat(postgres.usedBytes()).isEqualTo(12_345);
    assertThat(postgres.capacityBytes()).isPositive();
    assertThat(postgres.freeBytes()).isBetween(0L, postgres.capacityBytes());
    assertThat(postgres.inodesUsedPercent()).isBetween(0.0, 100.0);
  }

  @Test
  void measure_thresholdsBelowCurrentUse_reportsCriticalWithAReason() throws IOException {
    Files.createDirectories(base.resolve("cache"));
    HealthReport report = new HealthService(new VolumeLayout(base), new HealthThresholds(0.000001, 0.000002),
        Clock.systemUTC()).measure();
    assertThat(report.worst()).isEqualTo(VolumeStatus.CRITICAL);
    assertThat(report.volumes().get(0).problems()).anyMatch(p -> p.contains("full (warning at"));
  }

  @Test
  void create_layout_makesTheSeedDirectories() throws IOException {
    new VolumeLayout(base).create();
    assertThat(base.resolve("archives")).isDirectory();
    assertThat(base.resolve("backups/nextcloud")).isDirectory();
    assertThat(base.resolve("config/gitea")).isDirectory();
    assertThat(new VolumeLayout(base).existing()).hasSize(6 + 7 * 3);
  }
}

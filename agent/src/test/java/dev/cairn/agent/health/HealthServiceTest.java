package dev.cairn.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.layout.Catalogue;
import dev.cairn.agent.layout.CatalogueReader;
import dev.cairn.agent.layout.CatalogueSource;
import dev.cairn.agent.layout.LayoutService;
import dev.cairn.agent.layout.RepairScope;
import dev.cairn.agent.testing.MutableClock;
import dev.cairn.inventory.desired.AlertThresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthServiceTest {

  @TempDir Path base;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T00:00:00Z"));

  private HealthService service(Catalogue catalogue, HealthThresholds use, BackupStatusSource backups) {
    return new HealthService(CatalogueSource.of(catalogue), use, backups, GrowthSamples.inMemory(
        new GrowthWindow(Duration.ofHours(1), 24, 3)), new UsageMeter(Duration.ZERO, clock), clock);
  }

  private static VolumeHealth volume(HealthReport report, String name) {
    return report.volumes().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void measure_assumedCatalogue_reportsOnlyExistingDirectoriesWithTheirUsedBytes() throws IOException {
    Files.createDirectories(base.resolve("data/postgresql"));
    Files.createDirectories(base.resolve("logs"));
    Files.write(base.resolve("data/postgresql/base.dat"), new byte[12_345]);
    Files.write(base.resolve("data/top.dat"), new byte[100]);
    Files.createSymbolicLink(base.resolve("logs/link"), base.resolve("data/postgresql/base.dat"));

    HealthReport report = service(CatalogueReader.assumed(base), HealthThresholds.DEFAULTS, BackupStatusSource.NONE)
        .measure();

    assertThat(report.volumes()).extracting(VolumeHealth::name)
        .containsExactlyInAnyOrder("data", "logs", "postgresql-data");
    assertThat(volume(report, "data").usedBytes()).isEqualTo(12_445);
    assertThat(volume(report, "logs").usedBytes()).as("symlinks are not followed").isZero();
    VolumeHealth postgres = volume(report, "postgresql-data");
    assertThat(postgres.service()).isEqualTo("postgresql");
    assertThat(postgres.tier()).isEqualTo("hot");
    assertThat(postgres.usedBytes()).isEqualTo(12_345);
    assertThat(postgres.capacityBytes()).isPositive();
    assertThat(postgres.freeBytes()).isBetween(0L, postgres.capacityBytes());
    assertThat(postgres.inodesUsedPercent()).isBetween(0.0, 100.0);
    assertThat(postgres.drift()).as("an assumed catalogue is not checked for drift").isEmpty();
  }

  @Test
  void measure_thresholdsBelowCurrentUse_reportsCriticalWithAReason() throws IOException {
    Files.createDirectories(base.resolve("cache"));
    HealthReport report = service(CatalogueReader.assumed(base), new HealthThresholds(0.000001, 0.000002),
        BackupStatusSource.NONE).measure();
    assertThat(report.worst()).isEqualTo(VolumeStatus.CRITICAL);
    assertThat(report.volumes().get(0).problems()).anyMatch(p -> p.contains("full (warning at"));
    assertThat(report.volumes().get(0).findings()).anyMatch(f -> f.condition() == Condition.CAPACITY
        && f.alertKey().orElseThrow().equals("volume-capacity:" + base.resolve("cache")));
  }

  @Test
  void measure_declaredCatalogueWithDrift_reportsModeDriftAndMissingVolumes() throws IOException {
    Catalogue catalogue = CatalogueReader.defaults(base);
    new LayoutService().converge(catalogue, RepairScope.MISSING);
    Path postgres = base.resolve("data/postgresql");
    Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.delete(base.resolve("config/redis"));

    HealthReport report = service(catalogue, HealthThresholds.DEFAULTS, BackupStatusSource.NONE).measure();

    assertThat(report.volumes()).hasSize(6 + 7 * 3);
    assertThat(volume(report, "postgresql-data").drift()).containsExactly("mode 0755, want 0700");
    assertThat(volume(report, "postgresql-data").status()).isEqualTo(VolumeStatus.WARNING);
    assertThat(volume(report, "redis-config").drift()).containsExactly("missing");
    assertThat(volume(report, "redis-config").usedBytes()).isZero();
    assertThat(volume(report, "gitea-data").drift()).isEmpty();
    assertThat(Files.exists(base.resolve("config/redis"))).as("health changes nothing on disk").isFalse();
  }

  @Test
  void measure_declaredThresholds_overrideTheAgentsPercentages() throws IOException {
    Catalogue defaults = CatalogueReader.defaults(base);
    new LayoutService().converge(defaults, RepairScope.MISSING);
    Catalogue strict = new Catalogue(defaults.base(), defaults.drift(), defaults.volumes(),
        new AlertThresholds(1, 2, 80, 90, 30, 7, 1, 3), true);
    HealthReport report = service(strict, HealthThresholds.DEFAULTS, BackupStatusSource.NONE).measure();
    assertThat(report.worst()).as("a test filesystem is more than 2 %% full").isEqualTo(VolumeStatus.CRITICAL);
  }

  @Test
  void measure_backupStatusFromTheSource_isReportedAndJudged() throws IOException {
    Catalogue catalogue = CatalogueReader.defaults(base);
    new LayoutService().converge(catalogue, RepairScope.MISSING);
    Instant now = clock.instant();
    ScheduleStatus daily = new ScheduleStatus("daily", "snapshot", Optional.of(now.minus(Duration.ofDays(4))),
        Optional.of(now.minus(Duration.ofDays(4))), "ok", "", Optional.of(now.minus(Duration.ofDays(3))),
        Optional.of("abc123"));
    ScheduleStatus restoreTest = new ScheduleStatus("restore-test", "restore-test",
        Optional.of(now.minus(Duration.ofDays(8))), Optional.of(now.minus(Duration.ofDays(1))), "failed",
        "checksum mismatch", Optional.of(now.plus(Duration.ofDays(6))), Optional.empty());
    BackupStatusSource source = volume -> volume.equals("postgresql-data") ? List.of(daily, restoreTest) : List.of();

    HealthReport report = service(catalogue, HealthThresholds.DEFAULTS, source).measure();

    VolumeHealth postgres = volume(report, "postgresql-data");
    assertThat(postgres.backups()).containsExactly(daily, restoreTest);
    assertThat(postgres.status()).isEqualTo(VolumeStatus.CRITICAL);
    assertThat(postgres.findings()).anySatisfy(f -> {
      assertThat(f.condition()).isEqualTo(Condition.BACKUP_OVERDUE);
      assertThat(f.level()).isEqualTo(VolumeStatus.CRITICAL);
      assertThat(f.message()).contains("3 runs missed in a row");
    });
    assertThat(postgres.problems()).anyMatch(p -> p.contains("checksum mismatch"));
    assertThat(volume(report, "redis-data").backups()).isEmpty();
  }

  @Test
  void measure_growingVolume_forecastsDaysToFullFromTheSamples() throws IOException {
    Catalogue catalogue = CatalogueReader.defaults(base);
    new LayoutService().converge(catalogue, RepairScope.MISSING);
    HealthService service = service(catalogue, HealthThresholds.DEFAULTS, BackupStatusSource.NONE);
    Path file = base.resolve("data/redis/dump.rdb");
    for (int hour = 0; hour < 4; hour++) {
      Files.write(file, new byte[10_000 * (hour + 1)]);
      VolumeHealth redis = volume(service.measure(), "redis-data");
      if (hour < 2) {
        assertThat(redis.daysToFull()).as("fewer than three samples: unknown").isEqualTo(-1);
        assertThat(redis.growthBytesPerDay()).isZero();
      } else {
        assertThat(redis.growthBytesPerDay()).isCloseTo(10_000 * 24.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(redis.daysToFull()).isCloseTo(redis.freeBytes() / (10_000 * 24.0),
            org.assertj.core.data.Offset.offset(0.01));
      }
      clock.advance(Duration.ofHours(1));
    }
  }
}

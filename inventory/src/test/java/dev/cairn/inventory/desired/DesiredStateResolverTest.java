package dev.cairn.inventory.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.inventory.Fixtures;
import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.NoSuchHostException;
import dev.cairn.inventory.desired.Hook.OnError;
import dev.cairn.inventory.desired.Hook.Type;
import dev.cairn.inventory.desired.Schedule.Action;
import dev.cairn.inventory.desired.Volume.Kind;
import dev.cairn.inventory.desired.Volume.Tier;
import dev.cairn.inventory.source.InventoryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host's cairn_* variables resolved into its desired state. */
class DesiredStateResolverTest {

  @TempDir Path dir;

  @Test
  void resolve_noCairnVariables_givesTheSeedsLayoutAndStrategy() throws Exception {
    DesiredState s = resolve("");

    assertThat(s.baseDir()).isEqualTo("/opt/ai-q");
    assertThat(s.volumes()).hasSize(6 + 7 * 3);
    assertThat(s.volumes()).filteredOn(v -> v.kind() == Kind.LAYOUT).extracting(Volume::path)
        .containsExactlyInAnyOrder("/opt/ai-q/data", "/opt/ai-q/cache", "/opt/ai-q/backups",
            "/opt/ai-q/archives", "/opt/ai-q/config", "/opt/ai-q/logs");
    assertThat(volume(s, "postgresql-data")).isEqualTo(new Volume("postgresql-data", "postgresql",
        Kind.DATA, "/opt/ai-q/data/postgresql", "999", "999", "0700", Tier.HOT, "gfs-default",
        "local"));
    assertThat(volume(s, "cache").backupPolicy()).isNull();
    assertThat(s.schedules()).extracting(Schedule::name).containsExactly("daily", "forget",
        "incremental", "monthly", "prune", "restore-test", "rotate-logs", "verify", "weekly");
    assertThat(schedule(s, "incremental").cron()).isEqualTo("0 */6 * * *");
    assertThat(schedule(s, "weekly").cron()).isEqualTo("0 3 * * 0");
    assertThat(schedule(s, "monthly").copyTo()).isEqualTo("archive");
    assertThat(schedule(s, "rotate-logs").keepDays()).isEqualTo(90);
    assertThat(s.backupPolicies()).singleElement().satisfies(p -> {
      assertThat(p.keepWithinHourly()).isEqualTo("7d");
      assertThat(p.keepWithinDaily()).isEqualTo("30d");
      assertThat(p.keepWithinWeekly()).isEqualTo("84d");
      assertThat(p.keepWithinMonthly()).isEqualTo("7y");
    });
    assertThat(s.alertThresholds()).isEqualTo(AlertThresholds.DEFAULT);
    assertThat(s.repositories()).extracting(Repository::path)
        .containsExactly("/opt/ai-q/archives/cairn", "/opt/ai-q/backups/cairn");
  }

  @Test
  void resolve_fullVocabulary_givesEverySection() throws Exception {
    DesiredState s = resolve("""
        cairn_base_dir: /srv/cairn
        cairn_timezone: Europe/Oslo
        cairn_labels: {site: north, rack: 7}
        cairn_drift: report
        cairn_health_interval: 1h30m
        cairn_services: [postgresql]
        cairn_volumes:
          postgresql-data: {mode: "750", tier: warm}
          scratch: {path: cache/scratch, kind: data, owner: app, group: app, tier: cache,
                    backup_policy: none}
          redis-backup: {enabled: false}
        cairn_backup_policy: short
        cairn_backup_policies:
          short: {keep_last: 5, keep_within_daily: 1y6m, keep_tags: [keep]}
        cairn_repositories:
          offsite: {type: s3, endpoint: "http://10.0.0.5:9000", bucket: b, prefix: p,
                    credentials_file: /etc/cairn/s3.cred}
        cairn_schedules:
          monthly: {copy_to: offsite}
          verify: {read_data_percent: 20}
          nightly-dump: {cron: "@daily", action: snapshot, volumes: [postgresql-backup]}
        cairn_hooks:
          postgresql:
            pre:
              - command: [pg_dumpall, -f, /srv/cairn/backups/postgresql/all.sql]
                timeout: 10m
                env: {PGUSER: postgres, PGPORT: 5433}
              - pause: pg
            post:
              - unpause: pg
                on_error: continue
        cairn_images:
          postgres: "15.6"
          registry.local:5000/team/app: {tag: v2, alias: latest}
        cairn_image_cache: {keep_previous: 3, max_size: 20GiB, push_registry: "127.0.0.1:5000"}
        cairn_alert_thresholds: {capacity_warning_percent: 70, missed_runs_critical: 5}
        """);

    assertThat(s.baseDir()).isEqualTo("/srv/cairn");
    assertThat(s.timezone()).isEqualTo("Europe/Oslo");
    assertThat(s.labels()).containsEntry("rack", "7");
    assertThat(s.drift()).isEqualTo(DesiredState.DriftPolicy.REPORT);
    assertThat(s.healthIntervalSeconds()).isEqualTo(5400);
    assertThat(s.volumes()).extracting(Volume::name).containsExactly("archives", "backups",
        "cache", "config", "data", "logs", "postgresql-backup", "postgresql-config",
        "postgresql-data", "scratch");
    assertThat(volume(s, "postgresql-data").mode()).isEqualTo("0750");
    assertThat(volume(s, "postgresql-data").tier()).isEqualTo(Tier.WARM);
    assertThat(volume(s, "postgresql-data").backupPolicy()).isEqualTo("short");
    assertThat(volume(s, "scratch")).isEqualTo(new Volume("scratch", null, Kind.DATA,
        "/srv/cairn/cache/scratch", "app", "app", "0750", Tier.CACHE, null, null));
    assertThat(s.backupPolicies()).extracting(BackupPolicy::name)
        .containsExactly("gfs-default", "short");
    assertThat(schedule(s, "monthly").copyTo()).isEqualTo("offsite");
    assertThat(schedule(s, "verify").readDataPercent()).isEqualTo(20);
    assertThat(schedule(s, "nightly-dump").volumes()).containsExactly("postgresql-backup");
    assertThat(s.hooks()).singleElement().satisfies(h -> {
      assertThat(h.pre()).containsExactly(
          new Hook(Type.COMMAND, null, List.of("pg_dumpall", "-f",
              "/srv/cairn/backups/postgresql/all.sql"), 600, OnError.FAIL,
              java.util.Map.of("PGUSER", "postgres", "PGPORT", "5433")),
          new Hook(Type.PAUSE, "pg", List.of(), 30, OnError.FAIL));
      assertThat(h.post()).containsExactly(
          new Hook(Type.UNPAUSE, "pg", List.of(), 30, OnError.CONTINUE));
    });
    assertThat(s.images()).containsExactly(new Image("postgres", "15.6", "current"),
        new Image("registry.local:5000/team/app", "v2", "latest"));
    assertThat(s.imageCache()).isEqualTo(new ImageCache(3, 20L << 30, "current",
        "127.0.0.1:5000"));
    assertThat(s.repositories()).extracting(Repository::name)
        .containsExactly("archive", "local", "offsite");
    assertThat(s.alertThresholds().capacityWarningPercent()).isEqualTo(70);
    assertThat(s.alertThresholds().missedRunsCritical()).isEqualTo(5);
  }

  @Test
  void resolve_unknownHost_fails() throws Exception {
    Inventory inv = load("");

    assertThatThrownBy(() -> DesiredStateResolver.resolve(inv, "nope"))
        .isInstanceOf(NoSuchHostException.class);
  }

  @Test
  void resolve_severalMistakes_reportsThemAllWithFileAndLine() throws Exception {
    Inventory inv = load("""
        cairn_base_dir: /opt/ai-q
        cairn_volume: {}
        cairn_volumes:
          postgresql-data: {mode: 0700}
        """);

    assertThatThrownBy(() -> DesiredStateResolver.resolve(inv, "h1"))
        .isInstanceOfSatisfying(DesiredStateException.class, e -> assertThat(e.problems())
            .containsExactly(
                dir.resolve("group_vars/all.yml") + ":2: cairn_volume: unknown Cairn variable;"
                    + " known: " + String.join(", ", CairnVariables.KNOWN.stream().sorted()
                    .toList()),
                dir.resolve("group_vars/all.yml") + ":3: cairn_volumes.postgresql-data.mode:"
                    + " must be an octal file mode written as a quoted string, e.g. \"0750\","
                    + " not the number 448 (YAML reads an unquoted 0750 as the number 488)"));
  }

  @Test
  void resolveAll_oneBadHost_namesTheHost() throws Exception {
    Files.writeString(dir.resolve("hosts"), "h1\nh2 cairn_drift=sometimes\n");

    assertThatThrownBy(() -> DesiredStateResolver.resolveAll(
            InventoryLoader.load(dir.resolve("hosts"))))
        .isInstanceOfSatisfying(DesiredStateException.class, e -> assertThat(e.problems())
            .singleElement().asString().startsWith("h2: " + dir.resolve("hosts") + ":2:")
            .contains("cairn_drift: must be one of repair, report, not 'sometimes'"));
  }

  static DesiredState resolveIn(Path dir, String groupVars) throws Exception {
    return DesiredStateResolver.resolve(loadIn(dir, groupVars), "h1");
  }

  static Inventory loadIn(Path dir, String groupVars) throws Exception {
    Files.writeString(dir.resolve("hosts.yml"), "all:\n  hosts:\n    h1:\n");
    Files.createDirectories(dir.resolve("group_vars"));
    Files.writeString(dir.resolve("group_vars/all.yml"), groupVars);
    return InventoryLoader.load(dir.resolve("hosts.yml"));
  }

  private DesiredState resolve(String groupVars) throws Exception {
    return resolveIn(dir, groupVars);
  }

  private Inventory load(String groupVars) throws Exception {
    return loadIn(dir, groupVars);
  }

  static Volume volume(DesiredState s, String name) {
    return s.volumes().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  static Schedule schedule(DesiredState s, String name) {
    return s.schedules().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void resolve_exampleFleetPrimary_hostVarsOverrideGroups() throws Exception {
    DesiredState s = DesiredStateResolver.resolve(Fixtures.load("examples/fleet.yml"), "n-db01");

    assertThat(schedule(s, "incremental").cron()).isEqualTo("0 */3 * * *");
    assertThat(schedule(s, "monthly").copyTo()).isEqualTo("offsite");
    assertThat(volume(s, "postgresql-wal").mode()).isEqualTo("0700");
    assertThat(s.labels()).containsEntry("role", "primary");
    assertThat(s.images()).extracting(Image::name).containsExactly("postgres", "redis");
    assertThat(s.hooks()).extracting(ServiceHooks::service).containsExactly("postgresql", "redis");
    assertThat(Action.valueOf("SNAPSHOT")).isEqualTo(schedule(s, "daily").action());
  }
}

package dev.cairn.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cairn.agent.alert.AlertService;
import dev.cairn.agent.layout.CatalogueReader;
import dev.cairn.agent.layout.LayoutApplier;
import dev.cairn.agent.layout.LayoutService;
import dev.cairn.agent.layout.RepairScope;
import dev.cairn.agent.outbox.BudgetListener;
import dev.cairn.agent.outbox.EntryKind;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.agent.outbox.OutboxEntry;
import dev.cairn.agent.outbox.OutboxOptions;
import dev.cairn.agent.wire.Attributes;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fills a real, small tmpfs to see volumes go warning, critical and back, with alerts raised and cleared once. */
class HealthReporterIT {

  @TempDir Path dir;
  private Path mount;

  @BeforeEach
  void mountSmallFilesystem() throws Exception {
    mount = Files.createDirectories(dir.resolve("base"));
    Process process = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      fail("this test mounts a 4 MiB tmpfs and needs root with mount(8) (util-linux; see bin/test): " + output);
    }
  }

  @AfterEach
  void unmount() throws Exception {
    new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
  }

  @Test
  void report_filesystemFillsAndEmpties_statusFollowsAndAlertsAreRaisedAndClearedOnce() throws Exception {
    new LayoutService().converge(CatalogueReader.defaults(mount), RepairScope.MISSING);
    try (Outbox outbox = Outbox.open(dir.resolve("outbox"), OutboxOptions.DEFAULTS, Clock.systemUTC(),
        BudgetListener.NONE)) {
      LayoutApplier layout = new LayoutApplier(new LayoutService(), mount);
      AlertService alerts = AlertService.open(dir.resolve("alerts"), outbox, Clock.systemUTC());
      HealthService health = new HealthService(layout, HealthThresholds.DEFAULTS, BackupStatusSource.NONE,
          GrowthSamples.inMemory(GrowthWindow.DEFAULT), new UsageMeter(Duration.ZERO, Clock.systemUTC()),
          Clock.systemUTC());
      HealthReporter reporter = new HealthReporter(health, layout, outbox, new EventPublisher(outbox,
          Clock.systemUTC()), alerts, Duration.ofHours(1));
      assertThat(reporter.report().worst()).isEqualTo(VolumeStatus.OK);

      Path filler = mount.resolve("data/postgresql/filler");
      fill(filler, 85 * 4 * 1024 * 1024 / 100);
      HealthReport warning = reporter.report();
      assertThat(warning.worst()).isEqualTo(VolumeStatus.WARNING);
      VolumeHealth postgres = warning.volumes().stream().filter(v -> v.name().equals("postgresql-data")).findFirst()
          .orElseThrow();
      assertThat(postgres.usedBytes()).isEqualTo(Files.size(filler));
      assertThat(postgres.freeBytes()).isLessThan(postgres.capacityBytes() / 5);
      reporter.report(); // same status again: no new alert

      fill(filler, 95 * 4 * 1024 * 1024 / 100);
      assertThat(reporter.report().worst()).isEqualTo(VolumeStatus.CRITICAL);

      Files.delete(filler);
      assertThat(reporter.report().worst()).isEqualTo(VolumeStatus.OK);

      List<Event> events = new ArrayList<>();
      int healthReports = 0;
      for (OutboxEntry entry : outbox.read(0, 10_000)) {
        if (entry.kind() == EntryKind.EVENT) {
          events.add(AgentMessage.parseFrom(entry.payload()).getEvent());
        } else if (entry.kind() == EntryKind.HEALTH) {
          healthReports++;
        }
      }
      assertThat(healthReports).isEqualTo(5);
      int volumes = 6 + 7 * 3;
      // every volume sits on the one tmpfs: raised (warning), raised (critical), cleared — per volume
      assertThat(events).hasSize(3 * volumes);
      assertThat(events.subList(0, volumes)).allMatch(e -> e.getKind().equals("alert.raised")
          && Attributes.toMap(e.getAttributesList()).get("level").equals("warning")
          && Attributes.toMap(e.getAttributesList()).get("key").startsWith("volume-capacity:"));
      assertThat(events.subList(volumes, 2 * volumes)).allMatch(e -> Attributes.toMap(e.getAttributesList()).get("level").equals("critical")
          && Attributes.toMap(e.getAttributesList()).get("previous").equals("warning"));
      assertThat(events.subList(2 * volumes, 3 * volumes)).allMatch(e -> e.getKind().equals("alert.cleared"));
      assertThat(alerts.active()).isEmpty();
    }
  }

  private static void fill(Path file, int bytes) throws IOException {
    Files.write(file, new byte[bytes]);
  }
}

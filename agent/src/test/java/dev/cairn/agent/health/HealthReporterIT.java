package dev.cairn.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.cairn.agent.outbox.BudgetListener;
import dev.cairn.agent.outbox.EntryKind;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.agent.outbox.OutboxEntry;
import dev.cairn.agent.outbox.OutboxOptions;
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
    new VolumeLayout(mount).create();
    try (Outbox outbox = Outbox.open(dir.resolve("outbox"), OutboxOptions.DEFAULTS, Clock.systemUTC(),
        BudgetListener.NONE)) {
      HealthReporter reporter = new HealthReporter(new HealthService(new VolumeLayout(mount), HealthThresholds.DEFAULTS,
          Clock.systemUTC()), outbox, new EventPublisher(outbox, Clock.systemUTC()), Duration.ofHours(1));
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
      int volumes = new VolumeLayout(mount).existing().size();
      // every volume sits on the one tmpfs: raised (warning), raised (critical), cleared — per volume
      assertThat(events).hasSize(3 * volumes);
      assertThat(events.subList(0, volumes)).allMatch(e -> e.getKind().equals("alert.raised")
          && e.getAttributesOrThrow("status").equals("warning"));
      assertThat(events.subList(volumes, 2 * volumes)).allMatch(e -> e.getAttributesOrThrow("status").equals("critical"));
      assertThat(events.subList(2 * volumes, 3 * volumes)).allMatch(e -> e.getKind().equals("alert.cleared"));
    }
  }

  private static void fill(Path file, int bytes) throws IOException {
    Files.write(file, new byte[bytes]);
  }
}

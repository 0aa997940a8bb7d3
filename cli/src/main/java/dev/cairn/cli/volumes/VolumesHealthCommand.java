package dev.cairn.cli.volumes;

import dev.cairn.agent.health.BackupStatusSource;
import dev.cairn.agent.health.GrowthSamples;
import dev.cairn.agent.health.GrowthWindow;
import dev.cairn.agent.health.HealthReport;
import dev.cairn.agent.health.HealthService;
import dev.cairn.agent.health.HealthThresholds;
import dev.cairn.agent.health.ScheduleStatus;
import dev.cairn.agent.health.Sizes;
import dev.cairn.agent.health.UsageMeter;
import dev.cairn.agent.health.VolumeHealth;
import dev.cairn.agent.health.VolumeStatus;
import dev.cairn.agent.layout.Catalogue;
import dev.cairn.agent.layout.CatalogueSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn volumes health --base B [--catalogue FILE] [--state DIR] [--json]}: measures every volume now. */
@Command(
    name = "health",
    mixinStandardHelpOptions = true,
    description = {"Measure every volume of the catalogue now: bytes used under it, its filesystem's capacity, "
        + "free bytes and inode use, growth and days to full (with --state, from the agent's history), and "
        + "drift from the catalogue. Status ok, warning or critical by the catalogue's alert thresholds "
        + "(seed: warning at 80%%, critical at 90%% filesystem use). Changes nothing.",
        "Exit status: 0 all ok, 1 some volume is warning, 2 some volume is critical, 3 the catalogue was "
            + "refused."})
final class VolumesHealthCommand extends VolumesSubcommand {

  @Option(names = "--state", paramLabel = "DIR",
      description = "The agent's state directory: use its growth history (read only) for the forecast.")
  Path state;

  @Override
  int run(Catalogue catalogue) throws IOException {
    GrowthSamples samples = state == null ? GrowthSamples.inMemory(GrowthWindow.DEFAULT)
        : GrowthSamples.readOnly(state.resolve("health"), GrowthWindow.DEFAULT);
    Clock clock = Clock.systemUTC();
    HealthThresholds use = new HealthThresholds(catalogue.thresholds().capacityWarningPercent(),
        catalogue.thresholds().capacityCriticalPercent());
    HealthReport report = new HealthService(CatalogueSource.of(catalogue), use, BackupStatusSource.NONE, samples,
        new UsageMeter(Duration.ZERO, clock), clock).measure();
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("at", report.at().toString());
      out.put("base", catalogue.base().toString());
      out.put("status", name(report.worst()));
      out.put("volumes", report.volumes().stream().map(VolumesHealthCommand::json).toList());
      printJson(out);
    } else {
      out().printf("%-24s %-8s %-5s %10s %10s %10s %6s %7s %s%n", "VOLUME", "STATUS", "TIER", "USED", "FREE",
          "SIZE", "INODES", "FULL IN", "PROBLEMS");
      for (VolumeHealth v : report.volumes()) {
        out().printf(Locale.ROOT, "%-24s %-8s %-5s %10s %10s %10s %6s %7s %s%n", v.name(), name(v.status()),
            v.tier(), Sizes.bytes(v.usedBytes()), Sizes.bytes(v.freeBytes()), Sizes.bytes(v.capacityBytes()),
            v.inodesUsedPercent() < 0 ? "?" : String.format(Locale.ROOT, "%.0f%%", v.inodesUsedPercent()),
            v.daysToFull() < 0 ? "-" : String.format(Locale.ROOT, "%.0fd", v.daysToFull()),
            String.join("; ", v.problems()));
      }
      out().println(report.volumes().size() + " volumes under " + catalogue.base() + ": " + name(report.worst()));
    }
    return switch (report.worst()) {
      case OK -> 0;
      case WARNING -> 1;
      case CRITICAL -> 2;
    };
  }

  private static String name(VolumeStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> json(VolumeHealth v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", v.name());
    out.put("path", v.path());
    out.put("service", v.service());
    out.put("tier", v.tier());
    out.put("status", name(v.status()));
    out.put("usedBytes", v.usedBytes());
    out.put("capacityBytes", v.capacityBytes());
    out.put("freeBytes", v.freeBytes());
    out.put("inodesUsedPercent", v.inodesUsedPercent());
    out.put("growthBytesPerDay", v.growthBytesPerDay());
    out.put("daysToFull", v.daysToFull());
    out.put("drift", v.drift());
    out.put("backups", v.backups().stream().map(VolumesHealthCommand::json).toList());
    out.put("problems", v.problems());
    return out;
  }

  private static Map<String, Object> json(ScheduleStatus s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("schedule", s.schedule());
    out.put("action", s.action());
    out.put("lastSuccess", text(s.lastSuccess()));
    out.put("lastAttempt", text(s.lastAttempt()));
    out.put("lastOutcome", s.lastOutcome());
    out.put("message", s.message());
    out.put("nextDue", text(s.nextDue()));
    out.put("snapshotId", s.snapshotId().orElse(null));
    return out;
  }

  private static String text(Optional<Instant> at) {
    return at.map(Instant::toString).orElse(null);
  }
}

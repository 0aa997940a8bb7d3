package dev.cairn.cli.snapshot;

import dev.cairn.agent.snapshot.ForgetReport;
import dev.cairn.agent.snapshot.PruneReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The human-readable output of {@code cairn forget}: per group, what is kept (and why) and removed. */
final class ForgetPrinter {

  private final PrintWriter out;
  private final DateTimeFormatter time;

  /** Times are shown in {@code zone}, the zone of the calendar buckets. */
  ForgetPrinter(PrintWriter out, ZoneId zone) {
    this.out = out;
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
  }

  void print(ForgetReport report) {
    out.println("policy: " + report.policy());
    for (ForgetReport.Group group : report.groups()) {
      out.printf(Locale.ROOT, "host %s, volume %s: keep %d, %s %d%n", group.host(), group.volume(),
          group.keep().size(), report.dryRun() ? "would remove" : "remove", group.remove().size());
      for (ForgetReport.Entry entry : group.keep()) {
        line("keep", entry, String.join(", ", entry.reasons()));
      }
      for (ForgetReport.Entry entry : group.remove()) {
        line("remove", entry, "");
      }
    }
    if (report.dryRun()) {
      out.printf(Locale.ROOT, "dry run: %d snapshot(s) would be removed, %d kept; nothing was changed%n",
          report.removed(), report.kept());
    } else {
      out.printf(Locale.ROOT, "removed %d snapshot(s), kept %d%s%n", report.removed(), report.kept(),
          report.prune() == null && report.removed() > 0 ? "; run 'cairn prune' to free their space" : "");
    }
    PruneReport prune = report.prune();
    if (prune != null) {
      out.printf(Locale.ROOT, "pruned: %s freed (%s → %s), %d packs deleted, %d repacked%n",
          Sizes.bytes(prune.bytesFreed()), Sizes.bytes(prune.bytesBefore()), Sizes.bytes(prune.bytesAfter()),
          prune.packsDeleted(), prune.packsRepacked());
    }
    out.flush();
  }

  private void line(String action, ForgetReport.Entry entry, String reasons) {
    out.printf(Locale.ROOT, "  %-6s  %s  %s  %-16s  %s%n", action, entry.id().substring(0, 8),
        time.format(Instant.parse(entry.time())),
        String.join(",", entry.tags()), reasons);
  }
}

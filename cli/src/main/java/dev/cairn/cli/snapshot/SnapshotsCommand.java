package dev.cairn.cli.snapshot;

import dev.cairn.agent.repository.SnapshotRecord;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn snapshots}: lists snapshot records. */
@Command(name = "snapshots", mixinStandardHelpOptions = true, description = "List the snapshots, oldest first.")
public final class SnapshotsCommand extends RepositoryCommand {

  @Mixin RepositoryOptions repository;

  @Option(names = "--volume", paramLabel = "NAME", description = "Only snapshots of this volume.")
  String volume;

  @Option(names = "--json", description = "Print the snapshot records as JSON.")
  boolean json;

  @Override
  int execute() throws Exception {
    List<SnapshotRecord> records;
    try (RepositoryOptions.Opened opened = repository.open()) {
      records = opened.repository().snapshots().stream()
          .filter(r -> volume == null || volume.equals(r.volume())).toList();
    }
    if (json) {
      printJson(records);
      return 0;
    }
    out().printf("%-8s  %-24s  %-16s  %-24s  %10s  %s%n", "ID", "TIME", "HOST", "VOLUME", "SIZE", "TAGS");
    for (SnapshotRecord r : records) {
      out().printf("%-8s  %-24s  %-16s  %-24s  %10s  %s%s%n", r.shortId(), r.time().substring(0, Math.min(23, r.time().length())),
          r.host(), r.volume(), Sizes.bytes(r.summary().bytesTotal()), String.join(",", r.tags()),
          r.partial() ? " (partial)" : "");
    }
    out().println(records.size() + " snapshot(s)");
    return 0;
  }
}

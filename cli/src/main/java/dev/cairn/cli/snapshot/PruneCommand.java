package dev.cairn.cli.snapshot;

import dev.cairn.agent.snapshot.PruneReport;
import dev.cairn.agent.snapshot.Pruner;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn prune}: frees the space no snapshot needs. */
@Command(name = "prune", mixinStandardHelpOptions = true,
    description = {"Free space: delete packs no snapshot needs, repack partly used ones, re-index leftovers, "
        + "remove leftovers of interrupted runs. Exclusive: waits for no one, fails if the repository is in use. "
        + "Crash-safe at every step.", "Exit status: 0 done, 1 failed (nothing unsafe was deleted)."})
public final class PruneCommand extends RepositoryCommand {

  @Mixin RepositoryOptions repository;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  int execute() throws Exception {
    PruneReport report;
    try (RepositoryOptions.Opened opened = repository.open()) {
      report = new Pruner(opened.repository()).run();
    }
    if (json) {
      printJson(report);
    } else {
      out().printf(Locale.ROOT, "packs: %d kept, %d repacked into %d, %d deleted, %d re-indexed; blobs: %d kept, %d "
              + "dropped; %s freed (%s → %s); %d leftovers removed; %s%n",
          report.packsKept(), report.packsRepacked(), report.packsWritten(), report.packsDeleted(),
          report.packsReindexed(), report.blobsKept(), report.blobsDropped(), Sizes.bytes(report.bytesFreed()),
          Sizes.bytes(report.bytesBefore()), Sizes.bytes(report.bytesAfter()), report.leftoversRemoved(),
          Sizes.seconds(report.seconds()));
    }
    return 0;
  }
}

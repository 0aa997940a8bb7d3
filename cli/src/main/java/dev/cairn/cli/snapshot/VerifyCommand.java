package dev.cairn.cli.snapshot;

import dev.cairn.agent.snapshot.DamagedSnapshot;
import dev.cairn.agent.snapshot.Verifier;
import dev.cairn.agent.snapshot.VerifyReport;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn verify}: checks structure, optionally data, and names what is damaged. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Check the repository: index, snapshot records, pack files and every tree always; with "
        + "--read-data every blob's authentication tag and keyed hash. Names the damaged snapshots and files.",
        "Exit status: 0 healthy, 1 damaged (or the check failed)."})
public final class VerifyCommand extends RepositoryCommand {

  @Mixin RepositoryOptions repository;

  @ArgGroup(exclusive = true)
  ReadData readData;

  static final class ReadData {
    @Option(names = "--read-data", description = "Read and check every pack.")
    boolean all;

    @Option(names = "--read-data-subset", paramLabel = "PERCENT", description = "Read a random PERCENT of the packs.")
    Double percent;
  }

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  int execute() throws Exception {
    double fraction = readData == null ? 0 : readData.all ? 1 : readData.percent / 100.0;
    if (fraction < 0 || fraction > 1) {
      throw new IllegalArgumentException("--read-data-subset takes a percentage from 0 to 100");
    }
    VerifyReport report;
    try (RepositoryOptions.Opened opened = repository.open()) {
      report = new Verifier(opened.repository(), fraction, Runtime.getRuntime().availableProcessors()).run();
    }
    if (json) {
      printJson(new Json(report.healthy(), report));
    } else {
      out().printf(Locale.ROOT, "checked %d snapshots, %d index files, %d packs, %d blobs; read %d packs (%s) in %s%n",
          report.snapshots(), report.indexFiles(), report.packs(), report.blobs(), report.packsRead(),
          Sizes.bytes(report.bytesRead()), Sizes.seconds(report.seconds()));
      for (String warning : report.warnings()) {
        out().println("warning: " + warning);
      }
      for (String error : report.errors()) {
        out().println("error: " + error);
      }
      for (DamagedSnapshot snapshot : report.damaged()) {
        out().printf("DAMAGED snapshot %s (host %s, volume %s, %s): %d file(s)%n", snapshot.id().substring(0, 8),
            snapshot.host(), snapshot.volume(), snapshot.time(), snapshot.files().size());
        for (String file : snapshot.files()) {
          out().println("  " + file);
        }
      }
      out().println(report.healthy() ? "repository is healthy" : "repository is DAMAGED");
    }
    return report.healthy() ? 0 : FAILED;
  }

  /** The JSON shape: the verdict first. */
  record Json(boolean healthy, VerifyReport report) {}
}

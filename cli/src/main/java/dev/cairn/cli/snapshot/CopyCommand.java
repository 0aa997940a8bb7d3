package dev.cairn.cli.snapshot;

import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.snapshot.CopyReport;
import dev.cairn.agent.snapshot.Copier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn copy}: snapshots from one repository to another, without re-chunking. */
@Command(name = "copy", mixinStandardHelpOptions = true,
    description = {"Copy snapshots (all, or the given ids) to another repository, e.g. off-node cold storage. "
        + "Data is not re-chunked; only blobs the target lacks are stored; snapshots already there are skipped.",
        "Passwords: CAIRN_PASSWORD / --password-file for --from, CAIRN_TO_PASSWORD / --to-password-file for --to.",
        "Exit status: 0 done, 1 failed."})
public final class CopyCommand extends RepositoryCommand {

  @Option(names = "--from", required = true, paramLabel = "R1", description = "Source repository.")
  String from;

  @Option(names = "--password-file", paramLabel = "F", description = "Password file of the source.")
  Path passwordFile;

  @Option(names = "--to", required = true, paramLabel = "R2", description = "Target repository.")
  String to;

  @Option(names = "--to-password-file", paramLabel = "F", description = "Password file of the target.")
  Path toPasswordFile;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "Snapshot ids or prefixes (default: all).")
  List<String> ids = new ArrayList<>();

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  int execute() throws Exception {
    RepositoryOptions source = new RepositoryOptions();
    source.repo = from;
    source.passwordFile = passwordFile;
    RepositoryOptions target = new RepositoryOptions();
    target.repo = to;
    target.passwordFile = toPasswordFile;
    CopyReport report;
    try (RepositoryOptions.Opened src = source.open();
        RepositoryOptions.Opened dst = target.openWith("CAIRN_TO_PASSWORD", "--to-password-file")) {
      List<SnapshotRecord> snapshots = new ArrayList<>();
      if (ids.isEmpty()) {
        snapshots.addAll(src.repository().snapshots());
      } else {
        for (String id : ids) {
          snapshots.add(src.repository().findSnapshot(id, null, null));
        }
      }
      report = new Copier(src.repository(), dst.repository(), Runtime.getRuntime().availableProcessors()).copy(snapshots);
    }
    if (json) {
      printJson(report);
    } else {
      out().printf(Locale.ROOT, "copied %d snapshot(s), skipped %d already present; %,d new blobs, %s stored in %s%n",
          report.copied().size(), report.skipped().size(), report.blobsNew(), Sizes.bytes(report.bytesStored()),
          Sizes.seconds(report.seconds()));
      report.copied().forEach(id -> out().println("  copied " + id.substring(0, 8)));
    }
    return 0;
  }
}

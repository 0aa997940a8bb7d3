package dev.cairn.cli.snapshot;

import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.snapshot.RestoreTestReport;
import dev.cairn.agent.snapshot.RestoreTester;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn restore-test}: restore to scratch, check against the manifest, clean up. */
@Command(name = "restore-test", mixinStandardHelpOptions = true,
    description = {"The automated restore test: restore a snapshot into a scratch directory, check every file "
        + "against the manifest's hashes (and sizes, modes, symlinks), print the evidence, remove the scratch copy.",
        "Exit status: 0 pass, 1 fail."})
public final class RestoreTestCommand extends RepositoryCommand {

  @Mixin RepositoryOptions repository;

  @Parameters(paramLabel = "ID", defaultValue = "latest", description = "Snapshot id, prefix or 'latest' (default).")
  String id;

  @Option(names = "--volume", paramLabel = "NAME", description = "With 'latest': the newest snapshot of this volume.")
  String volume;

  @Option(names = "--scratch", paramLabel = "DIR", description = "Where to restore (default: the system temp dir).")
  Path scratch = Path.of(System.getProperty("java.io.tmpdir"));

  @Option(names = "--json", description = "Print the evidence as JSON.")
  boolean json;

  @Override
  int execute() throws Exception {
    RestoreTestReport report;
    try (RepositoryOptions.Opened opened = repository.open()) {
      SnapshotRecord snapshot = opened.repository().findSnapshot(id, volume, null);
      report = new RestoreTester(opened.repository(), scratch).run(snapshot);
    }
    if (json) {
      printJson(new Json(report.passed() ? "pass" : "fail", report));
    } else {
      out().printf(Locale.ROOT, "restore test of snapshot %s (volume %s): %,d files, %s, %,d directories, %,d symlinks "
              + "checked against the manifest in %s: %s%n", report.snapshot().substring(0, 8), report.volume(),
          report.files(), Sizes.bytes(report.bytes()), report.dirs(), report.symlinks(), Sizes.seconds(report.seconds()),
          report.passed() ? "PASS" : "FAIL");
      for (String failure : report.failures()) {
        out().println("  " + failure);
      }
    }
    return report.passed() ? 0 : FAILED;
  }

  /** The JSON shape: the verdict first. */
  record Json(String result, RestoreTestReport evidence) {}
}

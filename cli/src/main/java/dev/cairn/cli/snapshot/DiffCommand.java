package dev.cairn.cli.snapshot;

import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.snapshot.BlobStore;
import dev.cairn.agent.snapshot.DiffEntry;
import dev.cairn.agent.snapshot.TreeDiff;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn diff}: what changed between two snapshots. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Show the differences between two snapshots: + added, - removed, M content changed, "
        + "T type changed, U metadata only.")
public final class DiffCommand extends RepositoryCommand {

  @Mixin RepositoryOptions repository;

  @Parameters(index = "0", paramLabel = "ID1", description = "The earlier snapshot.")
  String first;

  @Parameters(index = "1", paramLabel = "ID2", description = "The later snapshot.")
  String second;

  @Option(names = "--json", description = "Print the differences as JSON.")
  boolean json;

  @Override
  int execute() throws Exception {
    List<DiffEntry> entries;
    try (RepositoryOptions.Opened opened = repository.open()) {
      SnapshotRecord a = opened.repository().findSnapshot(first, null, null);
      SnapshotRecord b = opened.repository().findSnapshot(second, null, null);
      entries = new TreeDiff(new BlobStore(opened.repository(), opened.repository().loadIndex())).diff(a.tree(), b.tree());
    }
    if (json) {
      printJson(entries);
    } else {
      for (DiffEntry entry : entries) {
        out().println(entry.change() + " " + entry.path());
      }
      out().println(entries.size() + " difference(s)");
    }
    return 0;
  }
}

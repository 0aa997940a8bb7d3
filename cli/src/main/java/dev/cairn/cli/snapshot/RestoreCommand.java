package dev.cairn.cli.snapshot;

import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.snapshot.RestoreOptions;
import dev.cairn.agent.snapshot.RestorePipeline;
import dev.cairn.agent.snapshot.RestoreResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn restore}: puts a snapshot's contents into a directory. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Restore a snapshot: the snapshotted directory's contents land directly in --target, bit-exact, "
        + "with modes, times, owners (as root), symlinks, hard links and sparse holes. Nothing is written outside it.",
        "Exit status: 0 everything restored, 1 some files damaged or not restored (the rest is restored)."})
public final class RestoreCommand extends RepositoryCommand {

  @Mixin RepositoryOptions repository;

  @Parameters(paramLabel = "ID", description = "Snapshot id, unique prefix, or 'latest'.")
  String id;

  @Option(names = "--volume", paramLabel = "NAME", description = "With 'latest': the newest snapshot of this volume.")
  String volume;

  @Option(names = "--host", paramLabel = "H", description = "With 'latest': the newest snapshot of this host.")
  String host;

  @Option(names = "--target", required = true, paramLabel = "DIR", description = "Directory to restore into.")
  Path target;

  @Option(names = "--include", paramLabel = "GLOB",
      description = "Restore only paths matching this glob (relative to the snapshot root; repeatable).")
  List<String> includes = new ArrayList<>();

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  int execute() throws Exception {
    TerminalProgress progress = new TerminalProgress(!json);
    RestoreResult result;
    SnapshotRecord snapshot;
    try (RepositoryOptions.Opened opened = repository.open()) {
      snapshot = opened.repository().findSnapshot(id, volume, host);
      result = new RestorePipeline(opened.repository(), RestoreOptions.including(includes), progress)
          .run(snapshot, target);
    } finally {
      progress.clear();
    }
    if (json) {
      printJson(result);
    } else {
      out().printf(Locale.ROOT, "restored snapshot %s into %s: %,d files, %,d directories, %,d hard links, %s in %s%n",
          snapshot.shortId(), target, result.files(), result.dirs(), result.links(), Sizes.bytes(result.bytes()),
          Sizes.seconds(result.seconds()));
      for (String damaged : result.damaged()) {
        out().println("  DAMAGED: " + damaged);
      }
      for (String error : result.errors()) {
        out().println("  ERROR: " + error);
      }
    }
    return result.ok() ? 0 : FAILED;
  }
}

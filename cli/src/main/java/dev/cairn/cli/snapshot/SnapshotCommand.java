package dev.cairn.cli.snapshot;

import dev.cairn.agent.repository.FileError;
import dev.cairn.agent.repository.HostName;
import dev.cairn.agent.repository.SnapshotSummary;
import dev.cairn.agent.snapshot.SnapshotOptions;
import dev.cairn.agent.snapshot.SnapshotPipeline;
import dev.cairn.agent.snapshot.SnapshotResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn snapshot}: an incremental, deduplicated snapshot of one directory. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
    description = {"Snapshot a directory (a volume) into the repository. Files unchanged since the volume's last "
        + "snapshot on this host (size, mtime, ctime, inode) are not read again.",
        "Exit status: 0 done, 3 done but partial (some files could not be read), 1 failed (no snapshot saved)."})
public final class SnapshotCommand extends RepositoryCommand {

  /** Exit status of a snapshot that completed without some unreadable files. */
  static final int PARTIAL = 3;

  @Mixin RepositoryOptions repository;

  @Option(names = "--volume", paramLabel = "NAME", description = "Volume name (default: the directory's absolute path).")
  String volume;

  @Option(names = "--tag", paramLabel = "T", description = "Tag the snapshot (repeatable).")
  List<String> tags = new ArrayList<>();

  @Option(names = "--host", paramLabel = "H", description = "Host name to record (default: this host).")
  String host;

  @Option(names = "--json", description = "Print the summary as JSON (with the snapshot id).")
  boolean json;

  @Parameters(paramLabel = "PATH", description = "The directory to snapshot.")
  Path path;

  @Override
  int execute() throws Exception {
    String volumeName = volume != null ? volume : path.toAbsolutePath().normalize().toString();
    TerminalProgress progress = new TerminalProgress(!json);
    SnapshotResult result;
    try (RepositoryOptions.Opened opened = repository.open()) {
      SnapshotOptions options = SnapshotOptions.of(volumeName, tags, host != null ? host : HostName.get());
      result = new SnapshotPipeline(opened.repository(), options, progress).run(path);
    } finally {
      progress.clear();
    }
    SnapshotSummary s = result.summary();
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", result.id());
      out.put("volume", result.record().volume());
      out.put("host", result.record().host());
      out.put("time", result.record().time());
      out.put("parent", result.record().parent());
      out.put("partial", result.partial());
      out.put("summary", s);
      out.put("dedupRatio", s.dedupRatio());
      out.put("compressionRatio", s.compressionRatio());
      out.put("errors", result.record().errors());
      printJson(out);
    } else {
      out().printf(Locale.ROOT, "snapshot %s saved (volume %s, host %s)%s%n", result.record().shortId(),
          result.record().volume(), result.record().host(), result.partial() ? " — PARTIAL" : "");
      out().printf(Locale.ROOT, "files: %,d new, %,d changed, %,d unchanged, %,d errors; %,d directories%n",
          s.filesNew(), s.filesChanged(), s.filesUnchanged(), s.errors(), s.dirs());
      out().printf(Locale.ROOT, "read %s of %s, added %s (%,d new blobs), dedup %s, compression %s, %s%n",
          Sizes.bytes(s.bytesRead()), Sizes.bytes(s.bytesTotal()), Sizes.bytes(s.bytesStored()), s.blobsNew(),
          Sizes.ratio(s.dedupRatio()), Sizes.ratio(s.compressionRatio()), Sizes.seconds(s.seconds()));
      for (FileError error : result.record().errors()) {
        out().println("  not saved: " + error.path() + ": " + error.message());
      }
    }
    return result.partial() ? PARTIAL : 0;
  }
}

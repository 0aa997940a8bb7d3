package dev.cairn.agent.health;

import dev.cairn.agent.process.ToolRun;
import dev.cairn.agent.process.ToolTimeoutException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inode use of the filesystems holding some paths. Java has no API for it ({@code FileStore}
 * reports bytes only, and {@code /proc} does not list inode counts per mount), so this runs
 * coreutils' {@code stat -f} once for all paths — the same {@code statvfs(3)} numbers {@code df -i}
 * prints. Stateless and thread-safe.
 */
final class InodeProbe {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Percent of inodes used per path; a path missing from the map could not be measured. */
  Map<Path, Double> inodesUsedPercent(List<Path> paths) throws IOException {
    Map<Path, Double> result = new HashMap<>();
    if (paths.isEmpty()) {
      return result;
    }
    List<String> command = new ArrayList<>(List.of("stat", "-f", "--printf", "%c %d %n\\n", "--"));
    paths.forEach(p -> command.add(p.toString()));
    String output;
    try {
      output = ToolRun.run(command, TIMEOUT, false).output();
    } catch (ToolTimeoutException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("cannot run 'stat -f' to read inode use (" + e.getMessage()
          + "); install coreutils", e);
    }
    for (String line : output.split("\n")) {
      String[] fields = line.split(" ", 3);
      if (fields.length == 3) {
        try {
          long total = Long.parseLong(fields[0]);
          long free = Long.parseLong(fields[1]);
          // file systems without a fixed inode table (btrfs, some FUSE) report 0 inodes: nothing to run out of
          result.put(Path.of(fields[2]), total <= 0 ? 0.0 : 100.0 * (total - free) / total);
        } catch (NumberFormatException e) {
          // a line we do not understand: that path stays unmeasured
        }
      }
    }
    return result;
  }
}

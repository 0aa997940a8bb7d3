package dev.cairn.agent.health;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures volumes affordably. Filesystem numbers (capacity, free, use) come from {@code statvfs}
 * at every call: cheap. Bytes used under a directory need a walk of its tree, which on a large
 * volume reads millions of inodes, so:
 *
 * <ul>
 *   <li>a volume that is its own mount (its device differs from its parent's) takes the
 *       filesystem's used bytes, no walk at all;
 *   <li>other volumes are walked at most once per {@code walkInterval} (all in one round, deepest
 *       first, so a parent volume adds the totals of the volumes inside it instead of walking them
 *       again); in between the last walk's figures are reported, with the time they were taken.
 * </ul>
 *
 * The trade-off: used bytes of walked volumes can be up to one interval old; capacity, free bytes
 * and filesystem use, which decide the capacity status, are always current. Thread-safe.
 */
public final class UsageMeter {

  private final Duration walkInterval;
  private final Clock clock;
  private final Map<Path, Walked> walked = new HashMap<>();
  private Instant lastWalk;

  private record Walked(long bytes, long unreadable, Instant at) {}

  /** @param walkInterval how long walked sizes are reused; {@code Duration.ZERO} walks at every call */
  public UsageMeter(Duration walkInterval, Clock clock) {
    this.walkInterval = walkInterval;
    this.clock = clock;
  }

  /** Usage of each directory in {@code paths} (which must exist), by path. */
  synchronized Map<Path, Usage> measure(List<Path> paths) {
    Instant now = clock.instant();
    Map<Path, Usage> result = new LinkedHashMap<>();
    Map<Path, Boolean> mounts = new HashMap<>();
    for (Path path : paths) {
      mounts.put(path, isMountPoint(path));
    }
    boolean due = lastWalk == null || !now.isBefore(lastWalk.plus(walkInterval))
        || paths.stream().anyMatch(p -> !mounts.get(p) && !walked.containsKey(p));
    if (due) {
      walk(paths, mounts, now);
    }
    for (Path path : paths) {
      result.put(path, usage(path, mounts.get(path), now));
    }
    return result;
  }

  private void walk(List<Path> paths, Map<Path, Boolean> mounts, Instant now) {
    walked.clear();
    Map<Path, Long> known = new HashMap<>();
    List<Path> deepestFirst = paths.stream()
        .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
    for (Path path : deepestFirst) {
      try {
        if (mounts.get(path)) {
          known.put(path, filesystemUsed(Files.getFileStore(path)));
          continue;
        }
        DirectorySize size = DirectorySize.of(path, known);
        known.put(path, size.bytes());
        walked.put(path, new Walked(size.bytes(), size.unreadable(), now));
      } catch (IOException e) {
        // measured (and reported) as failed below
      }
    }
    lastWalk = now;
  }

  private Usage usage(Path path, boolean mountPoint, Instant now) {
    try {
      FileStore store = Files.getFileStore(path);
      long capacity = store.getTotalSpace();
      long free = store.getUsableSpace();
      long fsUsed = filesystemUsed(store);
      double percent = fsUsed + free == 0 ? 0 : 100.0 * fsUsed / (fsUsed + free);
      if (mountPoint) {
        return new Usage(fsUsed, now, capacity, free, percent, 0, true, Optional.empty());
      }
      Walked size = walked.get(path);
      if (size == null) {
        return Usage.failed("cannot walk " + path + " (it vanished or cannot be read)", now);
      }
      return new Usage(size.bytes(), size.at(), capacity, free, percent, size.unreadable(), false,
          Optional.empty());
    } catch (IOException e) {
      return Usage.failed("cannot measure: " + e.getMessage(), now);
    }
  }

  private static long filesystemUsed(FileStore store) throws IOException {
    return store.getTotalSpace() - store.getUnallocatedSpace();
  }

  /** Whether {@code path} is the root of a filesystem mounted on its parent (device ids differ). */
  static boolean isMountPoint(Path path) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      return parent != null && !Files.getAttribute(path, "unix:dev", LinkOption.NOFOLLOW_LINKS)
          .equals(Files.getAttribute(parent, "unix:dev"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}

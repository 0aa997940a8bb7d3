package dev.cairn.agent.schedule;

import dev.cairn.agent.command.Completion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rotation of Cairn's own logs: deletes regular files whose name contains {@code .log} under the
 * log directory whose last modification is older than the retention. Never follows symlinks and
 * touches nothing else. Stateless.
 */
public final class LogRotator {

  private final Path directory;
  private final Duration retention;

  public LogRotator(Path directory, Duration retention) {
    this.directory = directory;
    this.retention = retention;
  }

  /** Deletes the logs older than the retention at {@code now}. */
  public Completion rotate(Instant now) throws IOException {
    if (!Files.isDirectory(directory)) {
      return Completion.ok("no log directory " + directory + ": nothing to rotate");
    }
    Instant cutoff = now.minus(retention);
    List<Path> old;
    try (Stream<Path> files = Files.find(directory, 8, (path, attributes) -> isOldLog(path, attributes, cutoff))) {
      old = files.toList();
    }
    int deleted = 0;
    for (Path file : old) {
      try {
        Files.delete(file);
        deleted++;
      } catch (NoSuchFileException gone) {
        // removed meanwhile: nothing to do
      }
    }
    String message = "deleted " + deleted + " log files older than " + retention.toDays() + " days from " + directory;
    return deleted == 0 ? Completion.ok(message, Map.of("deleted", 0))
        : Completion.changed(message, Map.of("deleted", deleted));
  }

  private static boolean isOldLog(Path path, BasicFileAttributes attributes, Instant cutoff) {
    return attributes.isRegularFile() && path.getFileName().toString().contains(".log")
        && attributes.lastModifiedTime().toInstant().isBefore(cutoff);
  }
}

package dev.cairn.agent.crypto;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The directories the Amazon Corretto Crypto Provider leaves in its temp directory when a JVM is
 * killed while it loads: ACCP copies its native library (3.7 MB) into a fresh
 * {@code amazonCorrettoCryptoProviderNativeLibraries.*} directory, loads it and deletes both, so a
 * {@code kill -9} in that second leaves them, on a node often in RAM (tmpfs) until reboot. Swept
 * before each load; only directories older than {@link #MIN_AGE} (no load takes that long) and
 * holding nothing but regular files are removed. Stateless.
 */
final class NativeLibraryLeftovers {

  static final String PREFIX = "amazonCorrettoCryptoProviderNativeLibraries.";
  static final Duration MIN_AGE = Duration.ofHours(1);

  private NativeLibraryLeftovers() {}

  /** ACCP's temp directory: its own property, else {@code java.io.tmpdir}. */
  static Path directory() {
    return Path.of(System.getProperty("com.amazon.corretto.crypto.provider.tmpdir",
        System.getProperty("java.io.tmpdir")));
  }

  /** Removes the leftovers in {@code tmp} last modified before {@code now - MIN_AGE}; returns them. */
  static List<Path> sweep(Path tmp, Instant now) {
    List<Path> removed = new ArrayList<>();
    Instant cutoff = now.minus(MIN_AGE);
    try (DirectoryStream<Path> candidates = Files.newDirectoryStream(tmp, PREFIX + "*")) {
      for (Path candidate : candidates) {
        if (Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(candidate, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)
            && removeFlat(candidate)) {
          removed.add(candidate);
        }
      }
    } catch (IOException | RuntimeException e) {
      // a sweep is a courtesy: whatever it cannot do stays for the next one
    }
    return removed;
  }

  /** Deletes a directory of regular files; leaves it alone if it holds anything else. */
  private static boolean removeFlat(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
        files.add(entry);
      }
    }
    for (Path file : files) {
      Files.deleteIfExists(file);
    }
    Files.deleteIfExists(dir);
    return true;
  }
}

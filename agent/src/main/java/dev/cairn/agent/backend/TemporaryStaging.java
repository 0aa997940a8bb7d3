package dev.cairn.agent.backend;

import dev.cairn.agent.state.FileTree;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The local staging directories of remote repositories: pack files are written and flushed here,
 * then uploaded and deleted. Each process gets its own directory {@code cairn-staging-<pid>-<random>}
 * under a parent (by default {@code $TMPDIR}, else {@code java.io.tmpdir}); it is deleted when the
 * backend closes, and directories left by processes that died (SIGKILL, power loss) are deleted by
 * the next process that creates one there.
 */
public final class TemporaryStaging {

  static final String PREFIX = "cairn-staging-";

  private TemporaryStaging() {}

  /** The default parent: {@code TMPDIR} when it names a directory, else {@code java.io.tmpdir}. */
  public static Path defaultParent(java.util.Map<String, String> env) {
    String tmp = env.get("TMPDIR");
    if (tmp != null && !tmp.isBlank() && Files.isDirectory(Path.of(tmp))) {
      return Path.of(tmp);
    }
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Creates this process's staging directory under {@code parent}, after removing dead processes' ones. */
  public static Path create(Path parent) throws IOException {
    Files.createDirectories(parent);
    sweep(parent);
    return Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
  }

  /** Deletes a staging directory and what is left in it (absent is fine). */
  public static void delete(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    FileTree.delete(dir);
  }

  /** Deletes staging directories whose process no longer runs. */
  private static void sweep(Path parent) throws IOException {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
      for (Path dir : dirs) {
        long pid = pid(dir.getFileName().toString());
        if (pid > 0 && ProcessHandle.of(pid).isEmpty()) {
          try {
            delete(dir);
          } catch (IOException raced) {
            // another process swept it at the same time, or it is not ours to delete: leave it
          }
        }
      }
    }
  }

  /** The pid in {@code cairn-staging-<pid>-<random>}, or -1. */
  static long pid(String name) {
    String rest = name.substring(PREFIX.length());
    int dash = rest.indexOf('-');
    try {
      return dash <= 0 ? -1 : Long.parseLong(rest.substring(0, dash));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

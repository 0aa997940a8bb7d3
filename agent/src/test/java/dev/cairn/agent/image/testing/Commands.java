package dev.cairn.agent.image.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external tools for tests; a missing tool fails with the apt package to install. */
public final class Commands {

  private Commands() {}

  /** Fails unless {@code tool} is on the PATH (or an absolute path that exists). */
  public static void require(String tool, String aptPackage) {
    boolean found = tool.startsWith("/")
        ? Files.isExecutable(Path.of(tool))
        : List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    if (!found) {
      throw new AssertionError(tool + " is not installed: run bin/test, which installs the Debian package " + aptPackage);
    }
  }

  /** Runs the command, returns its stdout; fails with its output on a non-zero exit. */
  public static String run(List<String> command) throws IOException, InterruptedException {
    return run(command, 600);
  }

  public static String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    Path out = Files.createTempFile("cmd", ".out");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command);
      }
      String output = Files.readString(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new AssertionError("failed (exit " + process.exitValue() + "): " + command + "\n" + output);
      }
      return output;
    } finally {
      Files.deleteIfExists(out);
    }
  }
}

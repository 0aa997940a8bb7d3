package dev.cairn.agent.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool and captures its output (standard output, and standard error when {@code mergeErrors})
 * with a deadline. The output is pumped on a daemon thread while this waits for the exit; a tool
 * still running at the deadline is killed (SIGKILL) and reported as {@link ToolTimeoutException}.
 */
public final class ToolRun {

  /** How long the output pump may still run after the tool exited (a grandchild may hold the pipe). */
  private static final long DRAIN_MILLIS = 1_000;

  /** A finished run: exit status and the output as text. */
  public record Result(int exitStatus, String output) {}

  private ToolRun() {}

  /** Runs {@code command} and waits at most {@code timeout} for it to exit. */
  public static Result run(List<String> command, Duration timeout, boolean mergeErrors) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    if (mergeErrors) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    Process process = builder.start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread pump = new Thread(() -> drain(process.getInputStream(), output), "tool-output-" + command.get(0));
    pump.setDaemon(true);
    pump.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new ToolTimeoutException("'" + String.join(" ", command) + "' did not finish within "
            + timeout.toSeconds() + " s (a hung mount?)");
      }
      pump.join(DRAIN_MILLIS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
    return new Result(process.exitValue(), output.toString(StandardCharsets.UTF_8));
  }

  private static void drain(InputStream in, ByteArrayOutputStream output) {
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        output.write(buffer, 0, n); // ByteArrayOutputStream is synchronized: safe to read from the caller
      }
    } catch (IOException closed) {
      // the process was killed: what was read so far is the output
    }
  }
}

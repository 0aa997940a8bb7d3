package dev.cairn.cli.snapshot;

import dev.cairn.agent.snapshot.RestoreProgress;
import dev.cairn.agent.snapshot.SnapshotProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display on stderr, redrawn at most five times a second, only when stderr
 * is a terminal. Thread-safe.
 */
final class TerminalProgress implements SnapshotProgress, RestoreProgress {

  private static final long INTERVAL_NANOS = 200_000_000L;

  private final PrintStream err = System.err;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long last;
  private boolean drawn;

  TerminalProgress(boolean wanted) {
    this.enabled = wanted && System.console() != null;
  }

  @Override
  public synchronized void file(long files, long bytesRead, String path) {
    if (due()) {
      draw(String.format(Locale.ROOT, "%,d files, %s read, %s/s  %s", files, Sizes.bytes(bytesRead),
          Sizes.bytes(rate(bytesRead)), path));
    }
  }

  @Override
  public synchronized void error(String path, String message) {
    if (enabled) {
      clear();
      err.println("cannot read " + path + ": " + message);
    }
  }

  @Override
  public synchronized void progress(long bytesWritten, long filesDone) {
    if (due()) {
      draw(String.format(Locale.ROOT, "%,d files, %s written, %s/s", filesDone, Sizes.bytes(bytesWritten),
          Sizes.bytes(rate(bytesWritten))));
    }
  }

  private long rate(long bytes) {
    double seconds = Math.max(0.001, (System.nanoTime() - start) / 1e9);
    return (long) (bytes / seconds);
  }

  private boolean due() {
    if (!enabled) {
      return false;
    }
    long now = System.nanoTime();
    if (now - last < INTERVAL_NANOS) {
      return false;
    }
    last = now;
    return true;
  }

  private void draw(String line) {
    String shown = line.length() > 110 ? line.substring(0, 107) + "..." : line;
    err.print("\r\033[K" + shown);
    err.flush();
    drawn = true;
  }

  /** Removes the progress line before normal output. */
  synchronized void clear() {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
      drawn = false;
    }
  }
}

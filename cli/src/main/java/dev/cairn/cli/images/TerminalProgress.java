package dev.cairn.cli.images;

import dev.cairn.agent.image.cache.Progress;
import java.io.PrintWriter;

/** Progress on a terminal: one line rewritten at most five times a second; silent when not on a terminal. */
final class TerminalProgress implements Progress {

  private static final long INTERVAL_NANOS = 200_000_000L;

  private final PrintWriter err;
  private long last;
  private boolean shown;

  private TerminalProgress(PrintWriter err) {
    this.err = err;
  }

  static TerminalProgress forTerminal(PrintWriter err, boolean enabled) {
    return new TerminalProgress(enabled && System.console() != null ? err : null);
  }

  @Override
  public synchronized void update(String phase, long done, long total) {
    if (err == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - last < INTERVAL_NANOS && done != total) {
      return;
    }
    last = now;
    String amount = total > 0
        ? String.format("%s / %s (%d%%)", Sizes.format(done), Sizes.format(total), done * 100 / total)
        : Sizes.format(done);
    err.print("\r" + phase + ": " + amount + "   ");
    err.flush();
    shown = true;
  }

  /** Ends the progress line, if one was shown. */
  synchronized void finish() {
    if (err != null && shown) {
      err.println();
      err.flush();
      shown = false;
    }
  }
}

package dev.cairn.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Waits for Ctrl-C (SIGINT) or SIGTERM without letting the JVM begin its own shutdown, so a
 * foreground command can stop its parts in order and exit 0 (a JVM stopped by the default signal
 * handling exits 130 or 143).
 */
public final class ShutdownSignal {

  private final CountDownLatch received = new CountDownLatch(1);
  private volatile String name = "";

  private ShutdownSignal() {}

  /** Installs handlers for INT and TERM. */
  public static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(new Signal(name), s -> {
        signal.name = "SIG" + s.getName();
        signal.received.countDown();
      });
    }
    return signal;
  }

  /** Blocks until a signal arrives; returns its name, e.g. {@code SIGINT}. */
  public String await() throws InterruptedException {
    received.await();
    return name;
  }

  /** Releases {@link #await()} as a signal would (tests, programmatic stop). */
  public void trigger() {
    name = "stop";
    received.countDown();
  }
}

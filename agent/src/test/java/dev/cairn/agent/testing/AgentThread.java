package dev.cairn.agent.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A call run on a thread of its own, as the agent's command or schedule thread runs a job, so a
 * test can interrupt it or kill what it started; what the call throws is kept.
 */
public final class AgentThread {

  /** The call. */
  @FunctionalInterface
  public interface Call {
    void run() throws Exception;
  }

  private final Thread thread;
  private final AtomicReference<Throwable> thrown = new AtomicReference<>();

  private AgentThread(Call call) {
    thread = new Thread(() -> {
      try {
        call.run();
      } catch (Throwable e) {
        thrown.set(e);
      }
    });
  }

  /** Starts {@code call}. */
  public static AgentThread start(Call call) {
    AgentThread agentThread = new AgentThread(call);
    agentThread.thread.start();
    return agentThread;
  }

  public void interrupt() {
    thread.interrupt();
  }

  /** Waits at most {@code timeout} for the call to end; returns whether it did. */
  public boolean join(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
    return !thread.isAlive();
  }

  /** What the call threw, or null. */
  public Throwable thrown() {
    return thrown.get();
  }
}

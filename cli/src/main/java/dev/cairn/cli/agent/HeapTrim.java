package dev.cairn.cli.agent;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Gives heap back to the operating system once it has stopped growing, so an idle agent stays small
 * after its start and after each backup job. The serial collector ({@code bin/cairn agent}'s) sizes
 * the heap only in a full collection, which an idle agent seldom has: the heap a job or the start
 * grew would stay committed, and resident, for days. So once a period this checks the committed
 * heap; when it has grown by more than {@link #SLACK} since the last trim and did not change during
 * the last period (the start or the job is over), it runs {@link System#gc()}, after which the heap
 * shrinks to what {@code -XX:MaxHeapFreeRatio} allows. An idle agent with a settled heap is never
 * collected by this. Only {@code cairn agent run} uses it (the quickstart shares its JVM with the
 * controller). Thread-safe.
 */
public final class HeapTrim implements AutoCloseable {

  /** Growth below this is left alone. */
  static final long SLACK = 2L << 20;

  /** The heap as this class sees it; {@link #RUNTIME} in production, a fake in tests. */
  interface Heap {
    long committed();

    void collect();
  }

  static final Heap RUNTIME = new Heap() {
    @Override
    public long committed() {
      return Runtime.getRuntime().totalMemory();
    }

    @Override
    public void collect() {
      System.gc();
    }
  };

  private final Heap heap;
  private final ScheduledThreadPoolExecutor executor;
  private long afterTrim;
  private long lastSeen = -1;

  HeapTrim(Heap heap) {
    this.heap = heap;
    this.afterTrim = heap.committed();
    this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "cairn-heap-trim");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Checks the JVM's heap once every {@code period}, in a daemon thread of its own. */
  public static HeapTrim start(Duration period) {
    HeapTrim trim = new HeapTrim(RUNTIME);
    trim.executor.scheduleWithFixedDelay(trim::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    return trim;
  }

  /** One check; returns whether it collected. */
  synchronized boolean check() {
    long committed = heap.committed();
    boolean settled = committed == lastSeen;
    lastSeen = committed;
    if (!settled || committed <= afterTrim + SLACK) {
      return false;
    }
    heap.collect();
    afterTrim = heap.committed();
    lastSeen = afterTrim;
    return true;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}

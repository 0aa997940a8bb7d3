package dev.cairn.agent.schedule;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts schedules when their slots come, on one background thread, whether or not the controller
 * is reachable. The missed-run rule: a schedule whose next slot after the last slot it ran for has
 * passed runs once, for the latest passed slot, however many slots were missed (node off, agent
 * stopped, clock jump forward). On the very first start there is no backlog: schedules count from
 * then; likewise after the clock moved back behind a schedule's last slot.
 * The clock is injected; tests call {@link #runDue()} after moving a {@code FakeClock}.
 * Thread-safe.
 */
public final class Scheduler implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  /** Longest sleep, so a clock jump (NTP, resume) is noticed within a minute. */
  private static final Duration MAX_SLEEP = Duration.ofMinutes(1);

  private final ScheduleSettings settings;
  private final ScheduleRunner runner;
  private final RunHistory history;
  private final Clock clock;
  private final Object threadLock = new Object();
  private Thread thread;

  public Scheduler(ScheduleSettings settings, ScheduleRunner runner, RunHistory history, Clock clock) {
    this.settings = settings;
    this.runner = runner;
    this.history = history;
    this.clock = clock;
  }

  /**
   * Runs every schedule that is due at the clock's now, each at most once, in the configured order
   * (snapshots before restore tests). Returns how many schedules ran.
   */
  public synchronized int runDue() throws IOException, InterruptedException {
    Instant now = clock.instant();
    int ran = 0;
    for (Schedule schedule : settings.schedules()) {
      Optional<Instant> last = history.lastSlot(schedule.name());
      if (last.isEmpty()) {
        history.markSlot(schedule.name(), now);
        continue;
      }
      if (last.get().isAfter(now)) {
        // the clock went back (or a jump forward was corrected): waiting for a slot after one in
        // the future could mean no backups for years, so the schedule counts from now again
        LOG.warn("schedule {}: its last slot {} is after the clock's now {} (the clock moved back); counting from now",
            schedule.name(), last.get(), now);
        history.markSlot(schedule.name(), now);
        continue;
      }
      Optional<Instant> next = schedule.cron().next(last.get());
      if (next.isPresent() && !next.get().isAfter(now)) {
        Instant slot = schedule.cron().latest(now).orElse(next.get());
        runner.run(schedule);
        history.markSlot(schedule.name(), slot);
        ran++;
      }
    }
    return ran;
  }

  /** The earliest next slot of any schedule. */
  public Optional<Instant> nextDue() {
    Instant now = clock.instant();
    return settings.schedules().stream()
        .map(s -> s.cron().next(history.lastSlot(s.name()).orElse(now)))
        .flatMap(Optional::stream)
        .min(Instant::compareTo);
  }

  /** Starts the background thread (nothing when schedules are disabled). */
  public void start() {
    if (!settings.enabled() || settings.schedules().isEmpty()) {
      LOG.info("schedules disabled");
      return;
    }
    synchronized (threadLock) {
      thread = new Thread(this::loop, "cairn-scheduler");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void loop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        runDue();
        Instant now = clock.instant();
        Duration wait = Duration.between(now, nextDue().orElse(now.plus(MAX_SLEEP)));
        Thread.sleep(Math.max(1000, Math.min(wait.toMillis(), MAX_SLEEP.toMillis())));
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.error("scheduler: {}; trying again in a minute", e.toString());
        try {
          Thread.sleep(MAX_SLEEP.toMillis());
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  /** Stops the thread, interrupting a run in progress. */
  @Override
  public void close() {
    Thread running;
    synchronized (threadLock) {
      running = thread;
      thread = null;
    }
    if (running != null) {
      running.interrupt();
      try {
        running.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

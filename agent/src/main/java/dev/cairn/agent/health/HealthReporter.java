package dev.cairn.agent.health;

import dev.cairn.agent.outbox.EntryKind;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.proto.v1.Severity;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a health report to the outbox every interval (and on demand), and raises an {@code
 * alert.raised} event when a volume becomes {@code warning} or {@code critical}, an {@code
 * alert.cleared} event when it is {@code ok} again — once per change, not per report. Runs on its
 * own thread; never waits for the link. Thread-safe.
 */
public final class HealthReporter implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(HealthReporter.class);

  private final HealthService health;
  private final Outbox outbox;
  private final EventPublisher events;
  private final Duration interval;
  private final ScheduledExecutorService executor;
  private final Map<String, VolumeStatus> lastStatus = new HashMap<>();

  public HealthReporter(HealthService health, Outbox outbox, EventPublisher events, Duration interval) {
    this.health = health;
    this.outbox = outbox;
    this.events = events;
    this.interval = interval;
    this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "cairn-health");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Reports now and then every interval. */
  public void start() {
    executor.scheduleWithFixedDelay(() -> {
      try {
        report();
      } catch (IOException | RuntimeException e) {
        LOG.error("health: cannot write the health report: {}", e.toString());
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Measures, writes the report to the outbox and raises or clears alerts. Returns the report. */
  public synchronized HealthReport report() throws IOException {
    HealthReport report = health.measure();
    outbox.append(EntryKind.HEALTH, 0, HealthReportCodec.encode(report));
    for (VolumeHealth volume : report.volumes()) {
      VolumeStatus previous = lastStatus.getOrDefault(volume.path(), VolumeStatus.OK);
      if (volume.status() != previous) {
        alert(volume, previous);
      }
      lastStatus.put(volume.path(), volume.status());
    }
    return report;
  }

  private void alert(VolumeHealth volume, VolumeStatus previous) throws IOException {
    Map<String, String> attributes = Map.of("alert", "volume-capacity", "path", volume.path(),
        "status", volume.status().name().toLowerCase(java.util.Locale.ROOT),
        "previous", previous.name().toLowerCase(java.util.Locale.ROOT));
    if (volume.status() == VolumeStatus.OK) {
      events.publish("alert.cleared", Severity.SEVERITY_INFO, volume.path() + " is ok again", attributes);
    } else {
      events.publish("alert.raised", volume.status() == VolumeStatus.CRITICAL ? Severity.SEVERITY_CRITICAL
          : Severity.SEVERITY_WARNING, volume.path() + ": " + String.join("; ", volume.problems()), attributes);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

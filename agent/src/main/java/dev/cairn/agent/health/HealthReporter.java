package dev.cairn.agent.health;

import dev.cairn.agent.alert.AlertService;
import dev.cairn.agent.layout.LayoutApplier;
import dev.cairn.agent.layout.LayoutReport;
import dev.cairn.agent.layout.VolumeOutcome;
import dev.cairn.agent.outbox.EntryKind;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.proto.v1.Severity;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every interval (and on demand): repairs layout drift when the catalogue says {@code drift:
 * REPAIR} (a {@code layout.repaired} event lists what was fixed), measures the volumes, writes the
 * health report to the outbox and raises or clears alerts ({@link HealthAlerts}) — each change
 * once. Runs on its own thread; never waits for the link. Thread-safe.
 */
public final class HealthReporter implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(HealthReporter.class);

  private final HealthService health;
  private final LayoutApplier layout;
  private final Outbox outbox;
  private final EventPublisher events;
  private final HealthAlerts alerts;
  private final Duration interval;
  private final ScheduledExecutorService executor;

  public HealthReporter(HealthService health, LayoutApplier layout, Outbox outbox, EventPublisher events,
      AlertService alerts, Duration interval) {
    this.health = health;
    this.layout = layout;
    this.outbox = outbox;
    this.events = events;
    this.alerts = new HealthAlerts(alerts);
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

  /** Repairs drift (per policy), measures, writes the report to the outbox, updates alerts. Returns the report. */
  public synchronized HealthReport report() throws IOException {
    LayoutReport repaired = layout.repairDrift();
    if (repaired.changed()) {
      String what = repaired.changedVolumes().stream()
          .map(v -> v.volume().name() + ": " + String.join(", ", v.changes()))
          .collect(Collectors.joining("; "));
      LOG.info("layout: repaired drift: {}", what);
      events.publish("layout.repaired", Severity.SEVERITY_INFO, "repaired layout drift: " + what,
          Map.of("volumes", repaired.changedVolumes().stream().map(VolumeOutcome::volume)
              .map(v -> v.name()).collect(Collectors.joining(","))));
    }
    HealthReport report = health.measure();
    outbox.append(EntryKind.HEALTH, 0, HealthReportCodec.encode(report));
    alerts.update(report);
    return report;
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

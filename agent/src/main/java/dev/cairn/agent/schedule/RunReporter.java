package dev.cairn.agent.schedule;

import dev.cairn.agent.alert.Alerts;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.job.BackupJobs;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.proto.v1.Severity;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tells the world how a scheduled run went: a {@code schedule.run} event for every run (through the
 * outbox, so it reaches the controller whenever the link is up), and the alert {@code
 * schedule-failed:<schedule>:<volume>} raised when a run fails and cleared when it next succeeds.
 * Thread-safe.
 */
public final class RunReporter {

  /** Kind of the event sent for every scheduled run. */
  public static final String EVENT_KIND = "schedule.run";

  private final EventPublisher events;
  private final Alerts alerts;

  public RunReporter(EventPublisher events, Alerts alerts) {
    this.events = events;
    this.alerts = alerts;
  }

  /** The alert key of a schedule's runs for a volume ({@code ""} for repository-wide runs). */
  public static String alertKey(String schedule, String volume) {
    return "schedule-failed:" + schedule + (volume.isEmpty() ? "" : ":" + volume);
  }

  /** Sends the event and raises or clears the alert. */
  public void report(Schedule schedule, String volume, Completion result) throws IOException {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("schedule", schedule.name());
    attributes.put("action", schedule.action().label());
    attributes.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
    if (!volume.isEmpty()) {
      attributes.put("volume", volume);
    }
    Object snapshot = result.details().get(BackupJobs.SNAPSHOT_ID);
    if (snapshot != null) {
      attributes.put("snapshot", snapshot.toString());
    }
    boolean failed = result.outcome() == Outcome.FAILED;
    String subject = schedule.name() + " " + schedule.action().label() + (volume.isEmpty() ? "" : " of " + volume);
    events.publish(EVENT_KIND, failed ? Severity.SEVERITY_CRITICAL : Severity.SEVERITY_INFO,
        subject + ": " + result.message(), attributes);
    String key = alertKey(schedule.name(), volume);
    if (failed) {
      Alerts.AlertLevel level = schedule.action() == ScheduleAction.ROTATE_LOGS
          ? Alerts.AlertLevel.WARNING : Alerts.AlertLevel.CRITICAL;
      alerts.raise(key, level, subject + " failed: " + result.message(), attributes);
    } else {
      alerts.clear(key, subject + " succeeded again");
    }
  }
}

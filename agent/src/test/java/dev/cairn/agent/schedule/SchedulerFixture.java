package dev.cairn.agent.schedule;

import dev.cairn.agent.alert.EventAlerts;
import dev.cairn.agent.job.BackupJobs;
import dev.cairn.agent.outbox.BudgetListener;
import dev.cairn.agent.outbox.EntryKind;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.agent.outbox.OutboxEntry;
import dev.cairn.agent.outbox.OutboxOptions;
import dev.cairn.agent.testing.MutableClock;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A scheduler with its real outbox, alerts and run history in a directory, over the given jobs. */
final class SchedulerFixture implements AutoCloseable {

  final Outbox outbox;
  final EventPublisher events;
  final EventAlerts alerts;
  final RunHistory history;
  final Scheduler scheduler;
  final ScheduleSettings settings;

  SchedulerFixture(Path dir, ScheduleSettings settings, BackupJobs jobs, Supplier<List<String>> volumes,
      MutableClock clock) throws IOException {
    this.settings = settings;
    this.outbox = Outbox.open(dir.resolve("outbox"), OutboxOptions.DEFAULTS, clock, BudgetListener.NONE);
    this.events = new EventPublisher(outbox, clock);
    this.alerts = new EventAlerts(events);
    this.history = RunHistory.open(dir.resolve("schedules"));
    this.scheduler = new Scheduler(settings, new ScheduleRunner(jobs, volumes, settings, history,
        new RunReporter(events, alerts), clock), history, clock);
  }

  /** Every event in the outbox, oldest first. */
  List<Event> events() throws IOException {
    List<Event> events = new ArrayList<>();
    long after = 0;
    while (true) {
      List<OutboxEntry> batch = outbox.read(after, 1000);
      if (batch.isEmpty()) {
        return events;
      }
      for (OutboxEntry entry : batch) {
        if (entry.kind() == EntryKind.EVENT) {
          events.add(AgentMessage.parseFrom(entry.payload()).getEvent());
        }
        after = entry.seq();
      }
    }
  }

  /** Events of one kind. */
  List<Event> events(String kind) throws IOException {
    return events().stream().filter(e -> e.getKind().equals(kind)).toList();
  }

  @Override
  public void close() throws IOException {
    scheduler.close();
    outbox.close();
  }
}

package dev.cairn.agent.schedule;

import java.util.Objects;

/**
 * One schedule: its name (also the tag of the snapshots it takes), when it runs, what it does, and
 * whether its snapshots are copied to the archive repository. Immutable.
 */
public record Schedule(String name, CronSchedule cron, ScheduleAction action, boolean archive) {

  public Schedule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(action, "action");
  }
}

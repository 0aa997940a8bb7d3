package dev.cairn.agent.health;

import java.util.List;

/**
 * What the health report needs to know about backups: for a catalogue volume, how the runs of
 * each schedule that covers it went (snapshot, restore test, verify, ...). The scheduler's run
 * history implements it; {@link #NONE} is for agents without schedules. Thread-safe.
 */
@FunctionalInterface
public interface BackupStatusSource {

  BackupStatusSource NONE = volume -> List.of();

  /** One entry per schedule covering the volume (by catalogue name), in no particular order. */
  List<ScheduleStatus> statusOf(String volume);
}

package dev.cairn.agent.schedule;

import dev.cairn.agent.health.BackupStatusSource;
import dev.cairn.agent.health.ScheduleStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The health report's view of the run history: for a volume, each snapshot and restore-test
 * schedule's last run of that volume and each verify schedule's last run (verify covers the whole
 * repository), with when the schedule runs next. Log rotation is not a volume's status. Thread-safe.
 */
public final class BackupStatusView implements BackupStatusSource {

  private final ScheduleSettings settings;
  private final RunHistory history;
  private final Clock clock;

  public BackupStatusView(ScheduleSettings settings, RunHistory history, Clock clock) {
    this.settings = settings;
    this.history = history;
    this.clock = clock;
  }

  @Override
  public List<ScheduleStatus> statusOf(String volume) {
    List<ScheduleStatus> statuses = new ArrayList<>();
    for (Schedule schedule : settings.schedules()) {
      String key = switch (schedule.action()) {
        case SNAPSHOT, RESTORE_TEST -> volume;
        case VERIFY -> "";
        case ROTATE_LOGS -> null;
      };
      if (key == null) {
        continue;
      }
      Optional<RunRecord> run = history.run(schedule.name(), key);
      statuses.add(new ScheduleStatus(schedule.name(), schedule.action().label(),
          run.flatMap(RunRecord::lastSuccessTime), run.flatMap(RunRecord::lastAttemptTime),
          run.map(RunRecord::outcome).orElse(""), run.map(RunRecord::message).orElse(""),
          schedule.cron().next(history.lastSlot(schedule.name()).orElse(clock.instant())),
          run.map(RunRecord::snapshotId)));
    }
    return List.copyOf(statuses);
  }
}

package dev.cairn.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackupRulesTest {

  private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

  private static ScheduleStatus status(String action, Duration sinceSuccess, Duration sinceAttempt, String outcome,
      Duration period) {
    Instant attempt = NOW.minus(sinceAttempt);
    return new ScheduleStatus("s", action, Optional.ofNullable(sinceSuccess).map(NOW::minus), Optional.of(attempt),
        outcome, "boom", Optional.of(attempt.plus(period)), Optional.empty());
  }

  @Test
  void overdue_periodFromAttemptToNextDue_countsWholePeriodsAfterAGraceOfATenth() {
    Duration day = Duration.ofDays(1);
    assertThat(BackupRules.overdue(status("snapshot", Duration.ofHours(20), Duration.ofHours(20), "ok", day), NOW))
        .contains(0L);
    assertThat(BackupRules.overdue(status("snapshot", Duration.ofHours(26), Duration.ofHours(26), "ok", day), NOW))
        .as("26 h - 2.4 h grace < 24 h").contains(0L);
    assertThat(BackupRules.overdue(status("snapshot", Duration.ofHours(27), Duration.ofHours(27), "ok", day), NOW))
        .contains(1L);
    assertThat(BackupRules.overdue(status("snapshot", Duration.ofDays(5), Duration.ofDays(5), "ok", day), NOW))
        .contains(4L);
  }

  @Test
  void judge_missedRuns_warnAtOneAndAreCriticalAtThree() {
    Duration day = Duration.ofDays(1);
    HealthPolicy policy = HealthPolicy.DEFAULTS;
    assertThat(BackupRules.judge("v", List.of(status("snapshot", Duration.ofHours(30), Duration.ofHours(30), "ok",
        day)), policy, NOW)).singleElement().satisfies(f -> {
          assertThat(f.level()).isEqualTo(VolumeStatus.WARNING);
          assertThat(f.alertKey()).contains("backup-overdue:v:s");
          assertThat(f.message()).contains("1 run missed").contains("last success 30h ago");
        });
    assertThat(BackupRules.judge("v", List.of(status("copy", Duration.ofDays(4), Duration.ofDays(4), "ok", day)),
        policy, NOW)).singleElement().extracting(Finding::level).isEqualTo(VolumeStatus.CRITICAL);
    assertThat(BackupRules.judge("v", List.of(status("prune", Duration.ofDays(40), Duration.ofDays(40), "ok", day)),
        policy, NOW)).as("prune is not watched for lateness").isEmpty();
  }

  @Test
  void judge_failedRuns_restoreTestIsCriticalSnapshotIsWarning() {
    Duration week = Duration.ofDays(7);
    List<Finding> restore = BackupRules.judge("v", List.of(status("restore-test", Duration.ofDays(1),
        Duration.ofHours(1), "failed", week)), HealthPolicy.DEFAULTS, NOW);
    assertThat(restore).singleElement().satisfies(f -> {
      assertThat(f.condition()).isEqualTo(Condition.BACKUP_FAILED);
      assertThat(f.level()).isEqualTo(VolumeStatus.CRITICAL);
      assertThat(f.message()).endsWith("failed its last run: boom");
      assertThat(f.alertKey()).as("the scheduler alerts failed runs").isEmpty();
    });
    assertThat(BackupRules.judge("v", List.of(status("snapshot", Duration.ofHours(5), Duration.ofHours(1),
        "failed", Duration.ofHours(6))), HealthPolicy.DEFAULTS, NOW)).extracting(Finding::level)
        .containsExactly(VolumeStatus.WARNING);
  }

  @Test
  void judge_ranButNeverSucceeded_warns() {
    assertThat(BackupRules.judge("v", List.of(status("snapshot", null, Duration.ofHours(1), "skipped",
        Duration.ofHours(6))), HealthPolicy.DEFAULTS, NOW)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("never succeeded"));
  }

  @Test
  void lastSnapshotAge_newestSuccessAmongSnapshotSchedules() {
    List<ScheduleStatus> schedules = List.of(status("snapshot", Duration.ofHours(5), Duration.ofHours(5), "ok",
        Duration.ofHours(6)), status("snapshot", Duration.ofHours(2), Duration.ofHours(2), "ok", Duration.ofDays(1)),
        status("verify", Duration.ofMinutes(1), Duration.ofMinutes(1), "ok", Duration.ofDays(7)));
    assertThat(BackupRules.lastSnapshotAge(schedules, NOW)).contains(Duration.ofHours(2));
  }
}

package dev.cairn.agent.health;

import com.google.protobuf.util.Timestamps;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.BackupStatus;
import dev.cairn.proto.v1.Outcome;
import java.time.Instant;
import java.util.Objects;

/** The wire form of a {@link HealthReport}: an {@code AgentMessage} outbox payload. Stateless. */
final class HealthReportCodec {

  private HealthReportCodec() {}

  static byte[] encode(HealthReport report) {
    dev.cairn.proto.v1.HealthReport.Builder wire = dev.cairn.proto.v1.HealthReport.newBuilder()
        .setAt(Timestamps.fromMillis(report.at().toEpochMilli()));
    for (VolumeHealth volume : report.volumes()) {
      dev.cairn.proto.v1.VolumeHealth.Builder v = dev.cairn.proto.v1.VolumeHealth.newBuilder()
          .setPath(volume.path())
          .setName(volume.name())
          .setService(volume.service())
          .setTier(volume.tier())
          .setUsedBytes(volume.usedBytes())
          .setCapacityBytes(volume.capacityBytes())
          .setFreeBytes(volume.freeBytes())
          .setInodesUsedPercent(volume.inodesUsedPercent())
          .setGrowthBytesPerDay(volume.growthBytesPerDay())
          .setDaysToFull(volume.daysToFull())
          .addAllDrift(volume.drift())
          .setStatus(switch (volume.status()) {
            case OK -> dev.cairn.proto.v1.VolumeStatus.VOLUME_STATUS_OK;
            case WARNING -> dev.cairn.proto.v1.VolumeStatus.VOLUME_STATUS_WARNING;
            case CRITICAL -> dev.cairn.proto.v1.VolumeStatus.VOLUME_STATUS_CRITICAL;
          })
          .addAllProblems(volume.problems());
      volume.backups().forEach(s -> v.addBackups(backup(s)));
      wire.addVolumes(v);
    }
    return AgentMessage.newBuilder()
        .setCreated(Timestamps.fromMillis(report.at().toEpochMilli()))
        .setHealth(wire)
        .build()
        .toByteArray();
  }

  static BackupStatus backup(ScheduleStatus s) {
    BackupStatus.Builder b = BackupStatus.newBuilder()
        .setSchedule(Objects.toString(s.schedule(), ""))
        .setAction(Objects.toString(s.action(), ""))
        .setLastOutcome(outcome(Objects.toString(s.lastOutcome(), "")))
        .setMessage(Objects.toString(s.message(), ""));
    s.lastSuccess().ifPresent(t -> b.setLastSuccess(timestamp(t)));
    s.lastAttempt().ifPresent(t -> b.setLastAttempt(timestamp(t)));
    s.nextDue().ifPresent(t -> b.setNextDue(timestamp(t)));
    s.snapshotId().ifPresent(b::setSnapshotId);
    return b.build();
  }

  private static Outcome outcome(String outcome) {
    return switch (outcome) {
      case "ok" -> Outcome.OUTCOME_OK;
      case "changed" -> Outcome.OUTCOME_CHANGED;
      case "failed" -> Outcome.OUTCOME_FAILED;
      case "skipped" -> Outcome.OUTCOME_SKIPPED;
      default -> Outcome.OUTCOME_UNSPECIFIED;
    };
  }

  private static com.google.protobuf.Timestamp timestamp(Instant t) {
    return Timestamps.fromMillis(t.toEpochMilli());
  }
}

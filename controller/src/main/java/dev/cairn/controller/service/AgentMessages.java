package dev.cairn.controller.service;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.model.AgentEntry;
import dev.cairn.controller.model.BackupStatusRecord;
import dev.cairn.controller.model.EventRecord;
import dev.cairn.controller.model.HealthRecord;
import dev.cairn.controller.model.ResultRecord;
import dev.cairn.controller.model.VolumeHealthRecord;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.BackupStatus;
import dev.cairn.proto.v1.CommandResult;
import dev.cairn.proto.v1.Event;
import dev.cairn.proto.v1.HealthReport;
import dev.cairn.proto.v1.Outcome;
import dev.cairn.proto.v1.VolumeHealth;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns agent outbox messages into the controller's {@link AgentEntry} values. */
final class AgentMessages {
  private AgentMessages() {}

  static AgentEntry toEntry(String node, AgentMessage message, Instant received)
      throws InvalidRequestException {
    Instant created = instant(message.getCreated());
    switch (message.getBodyCase()) {
      case HEALTH:
        return new AgentEntry.Health(health(message.getHealth(), created));
      case RESULT:
        return new AgentEntry.Result(result(message.getResult(), received));
      case EVENT:
        return new AgentEntry.Event(event(node, message.getEvent(), created, received));
      case APPLIED:
        return new AgentEntry.Applied(message.getApplied().getVersion(),
            outcome(message.getApplied().getOutcome()), message.getApplied().getMessage());
      default:
        throw new InvalidRequestException("Message " + message.getBodyCase() + " is not an outbox entry");
    }
  }

  private static HealthRecord health(HealthReport report, Instant created) {
    Instant at = instant(report.getAt());
    return new HealthRecord(at != null ? at : created,
        report.getVolumesList().stream().map(AgentMessages::volume).toList());
  }

  private static VolumeHealthRecord volume(VolumeHealth volume) {
    String status = switch (volume.getStatus()) {
      case VOLUME_STATUS_OK -> "ok";
      case VOLUME_STATUS_WARNING -> "warning";
      case VOLUME_STATUS_CRITICAL -> "critical";
      default -> "unknown";
    };
    return new VolumeHealthRecord(volume.getPath(), volume.getName(), volume.getService(),
        volume.getUsedBytes(), volume.getCapacityBytes(), volume.getFreeBytes(),
        volume.getInodesUsedPercent(), status, volume.getProblemsList(),
        volume.getTier().isEmpty() ? null : volume.getTier(), volume.getGrowthBytesPerDay(),
        volume.getDaysToFull() < 0 || volume.getDaysToFull() == 0 && volume.getGrowthBytesPerDay() <= 0
            ? null : volume.getDaysToFull(),
        volume.getDriftList(), volume.getBackupsList().stream().map(AgentMessages::backup).toList());
  }

  private static BackupStatusRecord backup(BackupStatus backup) {
    return new BackupStatusRecord(backup.getSchedule(), backup.getAction(),
        instant(backup.getLastSuccess()), instant(backup.getLastAttempt()),
        switch (backup.getLastOutcome()) {
          case OUTCOME_OK -> "ok";
          case OUTCOME_CHANGED -> "changed";
          case OUTCOME_FAILED -> "failed";
          case OUTCOME_SKIPPED -> "skipped";
          default -> null;
        },
        backup.getMessage(), instant(backup.getNextDue()),
        backup.getSnapshotId().isEmpty() ? null : backup.getSnapshotId());
  }

  private static ResultRecord result(CommandResult result, Instant received)
      throws InvalidRequestException {
    if (result.getCommandId().isEmpty()) {
      throw new InvalidRequestException("A command result has no command_id");
    }
    Struct details;
    try {
      details = Struct.parseFrom(result.getDetails());
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidRequestException("The details of the result of command " + result.getCommandId()
          + " are not a google.protobuf.Struct's encoding: " + e.getMessage());
    }
    return new ResultRecord(result.getCommandId(), result.getCommandSeq(),
        outcome(result.getOutcome()), result.getMessage(), JsonDocuments.toJson(details),
        instant(result.getStarted()), instant(result.getFinished()), received);
  }

  private static EventRecord event(String node, Event event, Instant created, Instant received)
      throws InvalidRequestException {
    if (event.getKind().isEmpty()) {
      throw new InvalidRequestException("An event has no kind");
    }
    String severity = switch (event.getSeverity()) {
      case SEVERITY_WARNING -> "warning";
      case SEVERITY_CRITICAL -> "critical";
      default -> "info";
    };
    Instant at = instant(event.getAt());
    return new EventRecord(0, node, event.getId(), event.getKind(), severity, event.getMessage(),
        attributes(event), at != null ? at : created, received);
  }

  /** The attributes as the map they encode: the last value of a key counts. */
  private static Map<String, String> attributes(Event event) {
    Map<String, String> attributes = new LinkedHashMap<>();
    event.getAttributesList().forEach(a -> attributes.put(a.getKey(), a.getValue()));
    return attributes;
  }

  private static String outcome(Outcome outcome) throws InvalidRequestException {
    if (outcome == Outcome.OUTCOME_UNSPECIFIED || outcome == Outcome.UNRECOGNIZED) {
      throw new InvalidRequestException("Outcome must be OK, CHANGED, FAILED or SKIPPED");
    }
    return outcome.name().substring("OUTCOME_".length()).toLowerCase(Locale.ROOT);
  }

  static Instant instant(Timestamp timestamp) {
    if (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0) {
      return null;
    }
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}

package dev.cairn.agent.health;

import com.google.protobuf.util.Timestamps;
import dev.cairn.proto.v1.AgentMessage;

/** The wire form of a {@link HealthReport}: an {@code AgentMessage} outbox payload. Stateless. */
final class HealthReportCodec {

  private HealthReportCodec() {}

  static byte[] encode(HealthReport report) {
    dev.cairn.proto.v1.HealthReport.Builder wire = dev.cairn.proto.v1.HealthReport.newBuilder()
        .setAt(Timestamps.fromMillis(report.at().toEpochMilli()));
    for (VolumeHealth volume : report.volumes()) {
      wire.addVolumes(dev.cairn.proto.v1.VolumeHealth.newBuilder()
          .setPath(volume.path())
          .setName(volume.name())
          .setService(volume.service())
          .setUsedBytes(volume.usedBytes())
          .setCapacityBytes(volume.capacityBytes())
          .setFreeBytes(volume.freeBytes())
          .setInodesUsedPercent(volume.inodesUsedPercent())
          .setStatus(switch (volume.status()) {
            case OK -> dev.cairn.proto.v1.VolumeStatus.VOLUME_STATUS_OK;
            case WARNING -> dev.cairn.proto.v1.VolumeStatus.VOLUME_STATUS_WARNING;
            case CRITICAL -> dev.cairn.proto.v1.VolumeStatus.VOLUME_STATUS_CRITICAL;
          })
          .addAllProblems(volume.problems()));
    }
    return AgentMessage.newBuilder()
        .setCreated(Timestamps.fromMillis(report.at().toEpochMilli()))
        .setHealth(wire)
        .build()
        .toByteArray();
  }
}

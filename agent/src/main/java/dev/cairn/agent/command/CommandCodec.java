package dev.cairn.agent.command;

import com.google.protobuf.util.Timestamps;
import dev.cairn.agent.wire.StructEncoding;
import dev.cairn.proto.v1.AgentMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * Converts between the wire form ({@code cairn.v1.Command}, {@code cairn.v1.CommandResult}) and
 * the agent's records. Both transports (the gRPC link and sneakernet bundles) carry the wire form.
 * Stateless.
 */
public final class CommandCodec {

  private CommandCodec() {}

  /**
   * The command record of a wire command delivered at {@code seq}.
   *
   * @throws CommandException if the command has no id or a kind this agent does not know (a newer
   *     controller); the message says so
   */
  public static QueuedCommand decode(long seq, dev.cairn.proto.v1.Command wire) throws CommandException {
    String id = wire.getId();
    if (id.isBlank()) {
      throw new CommandException("command at seq " + seq + " has no id");
    }
    Command command = switch (wire.getKindCase()) {
      case PING -> new Command.Ping(id, wire.getPing().getPayload());
      case REPORT_HEALTH -> new Command.ReportHealth(id);
      case SNAPSHOT -> new Command.TakeSnapshot(id, wire.getSnapshot().getVolume(), wire.getSnapshot().getTagsList(),
          wire.getSnapshot().getRepository());
      case RESTORE -> new Command.Restore(id, wire.getRestore().getVolume(), wire.getRestore().getSnapshot(),
          wire.getRestore().getTarget(), wire.getRestore().getIncludeList(), wire.getRestore().getRepository());
      case VERIFY -> new Command.Verify(id, wire.getVerify().getRepository(), wire.getVerify().getReadDataPercent());
      case RESTORE_TEST -> new Command.RestoreTest(id, wire.getRestoreTest().getVolume(),
          wire.getRestoreTest().getSnapshot(), wire.getRestoreTest().getRepository());
      case FORGET -> new Command.Forget(id, wire.getForget().getVolume(), wire.getForget().getPolicy(),
          wire.getForget().getPrune(), wire.getForget().getDryRun(), wire.getForget().getRepository());
      case PRUNE -> new Command.Prune(id, wire.getPrune().getRepository());
      case LOAD_IMAGES -> new Command.LoadImages(id, wire.getLoadImages().getImagesList());
      case ROLLBACK_IMAGE -> new Command.RollbackImage(id, wire.getRollbackImage().getImage(),
          wire.getRollbackImage().getToTag());
      case KIND_NOT_SET -> throw new CommandException("command " + id + " has a kind this agent does not know;"
          + " upgrade the agent to the controller's version");
    };
    Instant created = wire.hasCreated() ? Instant.ofEpochMilli(Timestamps.toMillis(wire.getCreated())) : Instant.EPOCH;
    Optional<Instant> notAfter = wire.hasNotAfter()
        ? Optional.of(Instant.ofEpochMilli(Timestamps.toMillis(wire.getNotAfter())))
        : Optional.empty();
    return new QueuedCommand(seq, created, notAfter, wire.getRunId(), command);
  }

  /** The outbox payload for a result: an {@code AgentMessage} with seq 0 (the outbox assigns it). */
  public static byte[] encode(CommandResult result, Instant now) {
    dev.cairn.proto.v1.CommandResult wire = dev.cairn.proto.v1.CommandResult.newBuilder()
        .setCommandId(result.commandId())
        .setCommandSeq(result.commandSeq())
        .setOutcome(toWire(result.outcome()))
        .setMessage(result.message())
        .setDetails(StructEncoding.encode(result.details()))
        .setStarted(Timestamps.fromMillis(result.started().toEpochMilli()))
        .setFinished(Timestamps.fromMillis(result.finished().toEpochMilli()))
        .build();
    return AgentMessage.newBuilder()
        .setCreated(Timestamps.fromMillis(now.toEpochMilli()))
        .setResult(wire)
        .build()
        .toByteArray();
  }

  /** The wire form of an outcome. */
  public static dev.cairn.proto.v1.Outcome toWire(Outcome outcome) {
    return switch (outcome) {
      case OK -> dev.cairn.proto.v1.Outcome.OUTCOME_OK;
      case CHANGED -> dev.cairn.proto.v1.Outcome.OUTCOME_CHANGED;
      case FAILED -> dev.cairn.proto.v1.Outcome.OUTCOME_FAILED;
      case SKIPPED -> dev.cairn.proto.v1.Outcome.OUTCOME_SKIPPED;
    };
  }
}

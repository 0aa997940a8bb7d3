package dev.cairn.controller.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.cairn.controller.api.CommandRequest;
import dev.cairn.controller.api.CommandView;
import dev.cairn.controller.error.ConflictException;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.error.NotFoundException;
import dev.cairn.controller.model.CommandRecord;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.store.CommandStore;
import dev.cairn.controller.store.ControllerStore;
import dev.cairn.proto.v1.Command;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Operator-facing commands: queue one for a node, read its status and result, expire overdue ones. */
public final class CommandService {
  private static final long MAX_TTL_SECONDS = Duration.ofDays(365).toSeconds();

  private final ControllerStore store;
  private final DeviceService devices;
  private final Clock clock;

  /** The command, and whether this request queued it (false: the id existed already). */
  public record Submitted(CommandView command, boolean created) {}

  public CommandService(ControllerStore store, DeviceService devices, Clock clock) {
    this.store = store;
    this.devices = devices;
    this.clock = clock;
  }

  public Submitted submit(String nodeName, CommandRequest request, String actor)
      throws ControllerException {
    return submit(nodeName, request, null, actor);
  }

  /**
   * Queues the command for the node; {@code runId} (may be null) names the fleet run it belongs
   * to and travels in the command to the agent.
   */
  public Submitted submit(String nodeName, CommandRequest request, String runId, String actor)
      throws ControllerException {
    String node = Names.node(nodeName);
    if (request == null) {
      throw new InvalidRequestException("Body must be {\"kind\": ..., \"arguments\": {...}}");
    }
    String id = request.id() == null ? UUID.randomUUID().toString() : Names.commandId(request.id());
    NodeRecord record = store.nodes().get(node)
        .filter(NodeRecord::enrolled)
        .orElseThrow(() -> new NotFoundException("Node '" + node + "' is not enrolled"));
    if (record.revoked()) {
      throw new ConflictException("Node '" + node + "' is revoked; it receives no commands");
    }
    FieldDescriptor field = field(request.kind());
    Message arguments = arguments(field, request);
    Instant now = clock.instant();
    Instant notAfter = notAfter(request.ttlSeconds(), now);
    Command.Builder payload = Command.newBuilder()
        .setId(id)
        .setCreated(AgentMessages.timestamp(now))
        .setField(field, arguments);
    if (notAfter != null) {
      payload.setNotAfter(AgentMessages.timestamp(notAfter));
    }
    if (runId != null) {
      payload.setRunId(runId);
    }
    Message built = payload.build();
    CommandStore.Enqueued enqueued = store.commands().enqueue(new CommandStore.NewCommand(id, node,
        request.kind(), JsonDocuments.toJson(arguments), now, notAfter, actor,
        seq -> built.toByteArray()));
    if (!enqueued.command().node().equals(node)) {
      throw new ConflictException("Command id '" + id + "' is already used by node '"
          + enqueued.command().node() + "'");
    }
    if (enqueued.created()) {
      devices.commandQueued(node);
    }
    return new Submitted(view(enqueued.command()), enqueued.created());
  }

  /** The command kind's field of {@code cairn.v1.Command}; refuses unknown kinds. */
  static FieldDescriptor field(String kind) throws InvalidRequestException {
    return CommandKinds.field(kind).orElseThrow(() ->
        new InvalidRequestException("Unknown command kind '" + kind + "'; known kinds: "
            + CommandKinds.names()));
  }

  /** The request's arguments as the kind's message; refuses unknown fields and wrong types. */
  static Message arguments(FieldDescriptor field, CommandRequest request)
      throws InvalidRequestException {
    Message.Builder arguments = Command.newBuilder().newBuilderForField(field);
    if (request.arguments() != null && !request.arguments().isNull()) {
      if (!request.arguments().isObject()) {
        throw new InvalidRequestException("arguments must be a JSON object");
      }
      JsonDocuments.merge(request.arguments(), arguments, request.kind() + " arguments");
    }
    return arguments.build();
  }

  /** {@code now + ttlSeconds}, or null without a TTL; refuses TTLs out of range. */
  static Instant notAfter(Long ttlSeconds, Instant now) throws InvalidRequestException {
    if (ttlSeconds == null) {
      return null;
    }
    if (ttlSeconds <= 0 || ttlSeconds > MAX_TTL_SECONDS) {
      throw new InvalidRequestException("ttlSeconds must be between 1 and " + MAX_TTL_SECONDS);
    }
    return now.plusSeconds(ttlSeconds);
  }

  public CommandView get(String id) throws NotFoundException {
    return store.commands().get(id).map(CommandService::view)
        .orElseThrow(() -> new NotFoundException("No command with id " + id));
  }

  public List<CommandView> recent(String node, int limit) throws InvalidRequestException {
    Names.node(node);
    return store.commands().recent(node, Math.max(1, Math.min(1000, limit))).stream()
        .map(CommandService::view)
        .toList();
  }

  /** Marks every pending command whose expiry passed as expired; returns how many. */
  public int expireOverdue() {
    Instant now = clock.instant();
    int expired = 0;
    for (String id : store.commands().overdue(now)) {
      if (store.commands().expire(id, now)) {
        expired++;
      }
    }
    return expired;
  }

  static CommandView view(CommandRecord command) {
    CommandView.Result result = command.result() == null ? null : new CommandView.Result(
        command.result().outcome(), command.result().message(), command.result().details(),
        command.result().started(), command.result().finished());
    JsonNode arguments = command.arguments();
    return new CommandView(command.id(), command.node(), command.seq(), command.kind(), arguments,
        command.status().wireName(), command.created(), command.notAfter(), command.createdBy(),
        command.updated(), result);
  }
}

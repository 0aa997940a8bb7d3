package dev.cairn.controller.service;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.cairn.controller.error.AccessDeniedException;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.error.ErrorCode;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.model.AgentEntry;
import dev.cairn.controller.model.CommandRecord;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.store.AgentEntryStore;
import dev.cairn.proto.v1.Ack;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Command;
import dev.cairn.proto.v1.ControllerMessage;
import dev.cairn.proto.v1.DesiredState;
import dev.cairn.proto.v1.Hello;
import dev.cairn.proto.v1.Welcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One node's link: receives its messages (in order, one at a time, as the transport delivers
 * them) and sends it welcome, desired state, commands and acks through its {@link DeviceChannel}.
 * Inbound handling is serial by contract; the outbound cursors are guarded by {@code outbound}.
 */
public final class DeviceSession {
  private static final int COMMAND_BATCH = 256;
  /** How far beyond a counter an agent's hello may lift it (see {@link #liftCounters}). */
  static final long MAX_LIFT = 1_000_000;

  private final String node;
  private final DeviceChannel channel;
  private final DeviceService service;
  private final Object outbound = new Object();
  private volatile boolean greeted;
  private volatile Instant lastSeen;
  /** Highest command seq put on the channel (or accepted by the agent, from its hello). */
  private long commandCursor;
  /** Newest desired-state version the agent has or was sent. */
  private long desiredCursor;

  DeviceSession(String node, DeviceChannel channel, DeviceService service) {
    this.node = node;
    this.channel = channel;
    this.service = service;
    this.lastSeen = service.clock.instant();
  }

  public String node() {
    return node;
  }

  DeviceChannel channel() {
    return channel;
  }

  boolean greeted() {
    return greeted;
  }

  Instant lastSeen() {
    return lastSeen;
  }

  /**
   * Handles one message from the agent. A malformed message (no hello first, an outbox entry
   * without seq, ...) throws; the transport then closes the link with the exception's code.
   */
  public void receive(AgentMessage message) throws ControllerException {
    Instant now = service.clock.instant();
    lastSeen = now;
    service.metrics.messagesIn.mark();
    if (message.getBodyCase() == AgentMessage.BodyCase.HELLO) {
      hello(message.getHello(), now);
      return;
    }
    if (!greeted) {
      throw new InvalidRequestException("The first message on a stream must be a hello");
    }
    switch (message.getBodyCase()) {
      case ACK -> service.store.commands().markDelivered(node, message.getAck().getUpToSeq(), now);
      case HEALTH, RESULT, EVENT, APPLIED -> entry(message, now);
      default -> throw new InvalidRequestException("A message without a body");
    }
  }

  /** The transport ended (completed, cancelled or failed). */
  public void closed() {
    service.closed(this);
  }

  private void hello(Hello hello, Instant now) throws ControllerException {
    if (greeted) {
      throw new InvalidRequestException("A second hello on the same stream");
    }
    NodeRecord record = service.store.nodes()
        .update(node, current -> current.withHello(hello.getAgentVersion(), hello.getHostname(), now));
    if (record.revoked()) { // revoked after the stream's certificate was checked, before it was registered
      throw new AccessDeniedException(ErrorCode.REVOKED, "Node '" + node + "' is revoked");
    }
    liftCounters(hello);
    greeted = true;
    synchronized (outbound) {
      channel.send(ControllerMessage.newBuilder()
          .setWelcome(Welcome.newBuilder()
              .setNodeName(node)
              .setLastAgentSeq(record.lastAgentSeq())
              .setControllerVersion(service.controllerVersion)
              .setServerTime(AgentMessages.timestamp(now)))
          .build());
      EffectiveDesired desired = service.resolver.effective(node);
      // Level-triggered: any difference is pushed. A version below the agent's (a controller
      // restored from an older backup) is ignored by the agent; the counter lifted above gives the
      // next change a version it takes.
      if (desired.version() > 0 && desired.version() != hello.getAppliedVersion()) {
        sendDesired(desired);
      } else {
        desiredCursor = hello.getAppliedVersion();
      }
      commandCursor = hello.getLastCommandSeq();
      pumpCommands();
    }
    service.events.raise(node, "node.connected", "info",
        "Agent " + hello.getAgentVersion() + " connected", Map.of(), false);
  }

  /**
   * An agent that received a desired-state version this controller never handed out (restored
   * from an older backup) ignores versions at or below it: the counter is lifted so the next change
   * passes it. Likewise for commands: one queued at or below the agent's last seq would be taken
   * for a replay. A report more than {@link #MAX_LIFT} beyond the counter is not believed (a buggy
   * or hostile agent could otherwise drive the fleet-wide version counter to its end); it is
   * refused with an event instead.
   */
  private void liftCounters(Hello hello) {
    long version = Math.max(hello.getAppliedVersion(), hello.getReceivedVersion());
    if (believable("desired-state version", version, service.store.desired().currentVersion())) {
      service.store.desired().raiseVersionTo(version);
    }
    long seq = hello.getLastCommandSeq();
    if (believable("command seq", seq, service.store.commands().lastSeq(node))) {
      service.store.commands().raiseSeqTo(node, seq);
    }
  }

  /** Whether {@code reported} is at most {@link #MAX_LIFT} beyond {@code current}; an event says so when not. */
  private boolean believable(String what, long reported, long current) {
    if (reported >= 0 && reported - current <= MAX_LIFT) {
      return true;
    }
    refusedLift(what, reported, current);
    return false;
  }

  private void refusedLift(String what, long reported, long current) {
    service.events.raise(node, "node.counter-refused", "warning", "The agent reported " + what + " "
        + Long.toUnsignedString(reported) + ", far beyond this controller's " + current + "; not taken over. "
        + "Check the agent's state directory", Map.of("reported", Long.toUnsignedString(reported),
        "current", Long.toString(current)), false);
  }

  private void entry(AgentMessage message, Instant now) throws ControllerException {
    if (message.getSeq() == 0) {
      throw new InvalidRequestException("An outbox entry (" + message.getBodyCase() + ") has seq 0");
    }
    AgentEntry entry = AgentMessages.toEntry(node, message, now);
    AgentEntryStore.Accepted accepted =
        service.store.agentEntries().accept(node, message.getSeq(), entry, now);
    (accepted.applied() ? service.metrics.entriesStored : service.metrics.entriesReplayed).mark();
    channel.send(ControllerMessage.newBuilder()
        .setAck(Ack.newBuilder().setUpToSeq(accepted.lastAgentSeq()))
        .build());
  }

  /** Sends the node's effective desired state if it is newer than what the agent has. */
  void pushDesired() {
    if (!greeted) {
      return; // the hello will send it
    }
    synchronized (outbound) {
      EffectiveDesired desired = service.resolver.effective(node);
      if (desired.version() > desiredCursor) {
        sendDesired(desired);
      }
    }
  }

  private void sendDesired(EffectiveDesired desired) {
    DesiredState.Builder state = DesiredState.newBuilder()
        .setVersion(desired.version())
        .setSpec(JsonDocuments.toStruct(desired.spec()).toByteString());
    if (desired.updated() != null) {
      state.setUpdated(AgentMessages.timestamp(desired.updated()));
    }
    channel.send(ControllerMessage.newBuilder().setDesiredState(state).build());
    desiredCursor = desired.version();
  }

  /**
   * Sends every queued command after the cursor, in seq order. Commands with a final status are
   * skipped; commands whose expiry passed are marked expired and not sent.
   */
  void pumpCommands() {
    if (!greeted) {
      return;
    }
    synchronized (outbound) {
      List<CommandRecord> batch;
      do {
        batch = service.store.commands().after(node, commandCursor, COMMAND_BATCH);
        Instant now = service.clock.instant();
        for (CommandRecord command : batch) {
          commandCursor = command.seq();
          if (command.status().isFinal()) {
            continue;
          }
          if (command.expiredAt(now)) {
            service.store.commands().expire(command.id(), now);
            continue;
          }
          channel.send(ControllerMessage.newBuilder()
              .setSeq(command.seq())
              .setCommand(parse(command))
              .build());
        }
      } while (batch.size() == COMMAND_BATCH);
    }
  }

  private static Command parse(CommandRecord command) {
    try {
      return Command.parseFrom(command.payload());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("Stored command " + command.id() + " is unreadable", e);
    }
  }

  /** For transports: the code to close with when {@link #receive} failed unexpectedly. */
  public static ErrorCode codeFor(RuntimeException e) {
    return e instanceof dev.cairn.controller.error.StoreException
        ? ErrorCode.UNAVAILABLE
        : ErrorCode.INTERNAL;
  }
}

package dev.cairn.controller.service;

import dev.cairn.controller.error.ErrorCode;
import dev.cairn.controller.store.ControllerStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device-facing side of the controller: the only path by which agent messages enter and
 * controller messages leave, whatever the transport (the gRPC stream today, imported sneakernet
 * bundles later). Implements docs/protocol.md: hello/welcome, cumulative acks, exactly-once
 * storage of outbox entries, per-node command queues with resume and expiry, level-triggered
 * desired state. Holds one {@link DeviceSession} per connected node; the newest wins.
 * Thread-safe.
 */
public final class DeviceService {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceService.class);

  final ControllerStore store;
  final DesiredStateResolver resolver;
  final EventService events;
  final Clock clock;
  final DeviceMetrics metrics;
  final String controllerVersion;
  private final ConcurrentHashMap<String, DeviceSession> sessions = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  public DeviceService(ControllerStore store, DesiredStateResolver resolver, EventService events,
      Clock clock, DeviceMetrics metrics, String controllerVersion) {
    this.store = store;
    this.resolver = resolver;
    this.events = events;
    this.clock = clock;
    this.metrics = metrics;
    this.controllerVersion = controllerVersion;
  }

  /**
   * Opens a session for an authenticated node. A session the node already had is closed with
   * {@link ErrorCode#SUPERSEDED}.
   */
  public DeviceSession open(String node, DeviceChannel channel) {
    DeviceSession session = new DeviceSession(node, channel, this);
    if (stopping) {
      channel.close(ErrorCode.UNAVAILABLE, "The controller is shutting down; reconnect later");
      return session;
    }
    metrics.streamsOpened.mark();
    DeviceSession previous = sessions.put(node, session);
    if (previous != null) {
      previous.channel().close(ErrorCode.SUPERSEDED, "A newer stream of node " + node + " replaced this one");
    }
    return session;
  }

  /** Called by a session when its link ended; forgets it unless a newer one replaced it. */
  void closed(DeviceSession session) {
    if (sessions.remove(session.node(), session)) {
      Instant seen = session.lastSeen();
      store.nodes().updateLazily(session.node(), node -> node.withLastSeen(seen));
      if (session.greeted()) {
        events.raise(session.node(), "node.disconnected", "info", "The agent's stream ended",
            Map.of(), false);
      }
    }
  }

  public boolean connected(String node) {
    return sessions.containsKey(node);
  }

  public int connectedCount() {
    return sessions.size();
  }

  /** When the node's session last received anything, if it is connected. */
  public Optional<Instant> lastSeen(String node) {
    return Optional.ofNullable(sessions.get(node)).map(DeviceSession::lastSeen);
  }

  /** The node's effective desired state changed: push it now if the node is connected. */
  public void desiredChanged(String node) {
    DeviceSession session = sessions.get(node);
    if (session != null) {
      session.pushDesired();
    }
  }

  /** The nodes whose effective desired state changed; pushes to each connected one. */
  public void desiredChanged(List<String> nodes) {
    nodes.forEach(this::desiredChanged);
  }

  /** A command was queued for the node: send it now if the node is connected. */
  public void commandQueued(String node) {
    DeviceSession session = sessions.get(node);
    if (session != null) {
      session.pumpCommands();
    }
  }

  /** The node was revoked: end its link at once. */
  public void revoked(String node) {
    end(node, "Node " + node + " is revoked");
  }

  /**
   * Ends the node's stream, if one is open, because a new enrollment replaced the certificate it
   * was opened with (new streams with that certificate are refused already).
   */
  public void reenrolled(String node) {
    end(node, "This certificate of node '" + node + "' was replaced by a later enrollment");
  }

  private void end(String node, String message) {
    DeviceSession session = sessions.remove(node);
    if (session != null) {
      session.channel().close(ErrorCode.REVOKED, message);
    }
  }

  /** Ends every link with {@code UNAVAILABLE} (agents reconnect to the next controller). */
  public void stop() {
    stopping = true;
    for (DeviceSession session : List.copyOf(sessions.values())) {
      session.channel().close(ErrorCode.UNAVAILABLE, "The controller is shutting down; reconnect later");
      closed(session);
    }
    LOG.info("Closed all agent streams");
  }
}

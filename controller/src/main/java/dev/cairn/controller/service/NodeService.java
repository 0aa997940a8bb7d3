package dev.cairn.controller.service;

import dev.cairn.controller.api.NodeView;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.error.NotFoundException;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.store.ControllerStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Operator-facing view of nodes (stored record + live connection + latest health) and revocation. */
public final class NodeService {
  private final ControllerStore store;
  private final DeviceService devices;
  private final DesiredStateResolver resolver;
  private final EventService events;
  private final Clock clock;

  public NodeService(ControllerStore store, DeviceService devices, DesiredStateResolver resolver,
      EventService events, Clock clock) {
    this.store = store;
    this.devices = devices;
    this.resolver = resolver;
    this.events = events;
    this.clock = clock;
  }

  public List<NodeView> list() {
    return store.nodes().list().stream().map(this::view).toList();
  }

  public NodeView get(String name) throws InvalidRequestException, NotFoundException {
    Names.node(name);
    return store.nodes().get(name).map(this::view)
        .orElseThrow(() -> new NotFoundException("No node named '" + name + "'"));
  }

  /** Revokes the node: its certificate is refused from now on and its stream is closed. */
  public NodeView revoke(String name, String actor) throws InvalidRequestException, NotFoundException {
    NodeRecord current = store.nodes().get(Names.node(name))
        .filter(NodeRecord::enrolled)
        .orElseThrow(() -> new NotFoundException("No enrolled node named '" + name + "'"));
    if (!current.revoked()) {
      store.nodes().update(name, node -> node.withRevoked(clock.instant()));
      events.raise(name, "node.revoked", "warning", "Revoked by " + actor, Map.of(), true);
    }
    devices.revoked(name);
    return get(name);
  }

  private NodeView view(NodeRecord node) {
    return new NodeView(node.name(), devices.connected(node.name()),
        devices.lastSeen(node.name()).orElse(node.lastSeen()), node.agentVersion(),
        node.hostname(), node.enrolled(), node.enrolledAt(), node.revoked(), node.groups(),
        resolver.effective(node.name()).version(), node.appliedVersion(), node.appliedOutcome(),
        node.appliedMessage(), store.nodes().health(node.name()).orElse(null));
  }
}

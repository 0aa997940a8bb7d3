package dev.cairn.controller.service;

import dev.cairn.controller.api.NodeView;
import dev.cairn.controller.api.VolumeView;
import dev.cairn.controller.error.ConflictException;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.error.NotFoundException;
import dev.cairn.controller.fleet.ContactRule;
import dev.cairn.controller.model.HealthRecord;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.store.ControllerStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operator-facing view of nodes (stored record + live connection + latest health + the fleet
 * view's verdicts), filters, revocation and retirement.
 */
public final class NodeService {
  private final ControllerStore store;
  private final DeviceService devices;
  private final DesiredStateResolver resolver;
  private final EventService events;
  private final FleetChecks checks;
  private final Clock clock;

  public NodeService(ControllerStore store, DeviceService devices, DesiredStateResolver resolver,
      EventService events, FleetChecks checks, Clock clock) {
    this.store = store;
    this.devices = devices;
    this.resolver = resolver;
    this.events = events;
    this.checks = checks;
    this.clock = clock;
  }

  /** Every node but retired ones. */
  public List<NodeView> list() {
    return list(Set.of(), false);
  }

  /** Nodes for which every filter holds; retired nodes only if asked for. */
  public List<NodeView> list(Set<NodeFilter> filters, boolean includeRetired) {
    return store.nodes().list().stream()
        .filter(node -> includeRetired || !node.inventory().retired())
        .map(this::inspect)
        .filter(inspected -> filters.stream().allMatch(inspected::matches))
        .map(Inspected::view)
        .toList();
  }

  public NodeView get(String name) throws InvalidRequestException, NotFoundException {
    Names.node(name);
    return store.nodes().get(name).map(node -> inspect(node).view())
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

  /**
   * Retires a node the applied inventory does not list (an orphan, or one never listed): revokes
   * it if it is enrolled and hides it from the fleet view. Its history stays; enrolling the name
   * again brings it back.
   */
  public NodeView retire(String name, String actor)
      throws InvalidRequestException, NotFoundException, ConflictException {
    NodeRecord current = store.nodes().get(Names.node(name))
        .orElseThrow(() -> new NotFoundException("No node named '" + name + "'"));
    if (current.inventory().listed()) {
      throw new ConflictException("Node '" + name + "' is listed in the applied inventory; "
          + "remove it from the inventory and apply that first");
    }
    if (!current.inventory().retired()) {
      Instant now = clock.instant();
      store.nodes().update(name, node -> {
        NodeRecord revoked = node.enrolled() && !node.revoked() ? node.withRevoked(now) : node;
        return revoked.withInventory(revoked.inventory().asRetired(now));
      });
      events.raise(name, "node.retired", "info", "Retired by " + actor, Map.of(), true);
    }
    devices.revoked(name);
    return get(name);
  }

  /** The view of one node with what its filters need. */
  private record Inspected(NodeView view, List<VolumeView> volumes) {
    boolean matches(NodeFilter filter) {
      return switch (filter) {
        case STALE -> view.stale();
        case FAILING_BACKUPS -> volumes.stream().anyMatch(VolumeView::failingBackups);
        case CAPACITY_CRITICAL -> volumes.stream().anyMatch(v -> "critical".equals(v.status()));
      };
    }
  }

  private Inspected inspect(NodeRecord node) {
    boolean connected = devices.connected(node.name());
    Instant lastSeen = devices.lastSeen(node.name()).orElse(node.lastSeen());
    EffectiveDesired desired = resolver.effective(node.name());
    ContactRule.Allowance allowance = checks.allowance(desired);
    boolean stale = checks.stale(node, lastSeen, allowance);
    HealthRecord health = store.nodes().health(node.name()).orElse(null);
    NodeView view = new NodeView(node.name(), connected, lastSeen, node.agentVersion(),
        node.hostname(), node.enrolled(), node.enrolledAt(), node.revoked(), node.groups(),
        desired.version(), node.appliedVersion(), node.appliedOutcome(), node.appliedMessage(),
        node.inventory().listed(), node.inventory().orphaned(), node.inventory().orphanedAt(),
        node.inventory().listed() ? null : node.inventory().flaggedAt(),
        node.inventory().retired(), node.inventory().retiredAt(), stale,
        allowance.allowed().toSeconds(), health);
    return new Inspected(view,
        checks.volumes(node.name(), connected, stale, lastSeen, health, desired.spec()));
  }
}

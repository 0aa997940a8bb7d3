package dev.cairn.controller.service;

import dev.cairn.controller.api.VolumeView;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.store.ControllerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fleet's volumes: one row per node and volume from each node's latest health report, with
 * backup verdicts, for {@code GET /api/v1/volumes}. Retired nodes are left out.
 */
public final class VolumeService {
  private static final Set<String> STATUSES = Set.of("ok", "warning", "critical", "unknown");

  private final ControllerStore store;
  private final DeviceService devices;
  private final DesiredStateResolver resolver;
  private final FleetChecks checks;

  public VolumeService(ControllerStore store, DeviceService devices, DesiredStateResolver resolver,
      FleetChecks checks) {
    this.store = store;
    this.devices = devices;
    this.resolver = resolver;
    this.checks = checks;
  }

  /**
   * Rows matching every given filter: {@code node} (exact), {@code status}, and {@code
   * backupProblems} (only rows whose backups are failing or overdue).
   */
  public List<VolumeView> list(String node, String status, boolean backupProblems)
      throws InvalidRequestException {
    if (node != null) {
      Names.node(node);
    }
    if (status != null && !STATUSES.contains(status)) {
      throw new InvalidRequestException("status must be one of " + STATUSES + ", not '" + status
          + "'");
    }
    List<VolumeView> rows = new ArrayList<>();
    for (NodeRecord record : store.nodes().list()) {
      if (record.inventory().retired() || node != null && !node.equals(record.name())) {
        continue;
      }
      var health = store.nodes().health(record.name());
      if (health.isEmpty()) {
        continue;
      }
      Instant lastSeen = devices.lastSeen(record.name()).orElse(record.lastSeen());
      EffectiveDesired desired = resolver.effective(record.name());
      boolean stale = checks.stale(record, lastSeen, checks.allowance(desired));
      for (VolumeView row : checks.volumes(record.name(), devices.connected(record.name()), stale,
          lastSeen, health.get(), desired.spec())) {
        if ((status == null || status.equals(row.status()))
            && (!backupProblems || row.failingBackups())) {
          rows.add(row);
        }
      }
    }
    return List.copyOf(rows);
  }
}

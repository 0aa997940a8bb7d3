package dev.cairn.controller.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.controller.api.VolumeView;
import dev.cairn.controller.fleet.BackupCheck;
import dev.cairn.controller.fleet.ContactRule;
import dev.cairn.controller.fleet.CronPeriod;
import dev.cairn.controller.model.BackupStatusRecord;
import dev.cairn.controller.model.HealthRecord;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.model.VolumeHealthRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the fleet view's rules ({@link ContactRule}, {@link BackupCheck}) to one node at the
 * clock's now: whether it is stale, and its volumes with their backup verdicts. Thread-safe.
 */
public final class FleetChecks {
  private final ContactRule contact;
  private final BackupCheck backups;
  private final Clock clock;

  public FleetChecks(ContactRule contact, BackupCheck backups, Clock clock) {
    this.contact = contact;
    this.backups = backups;
    this.clock = clock;
  }

  public ContactRule.Allowance allowance(EffectiveDesired desired) {
    return contact.allowance(desired.spec());
  }

  /**
   * Whether an enrolled, not retired node was silent too long: since {@code lastSeen}, or since
   * it enrolled if it never connected.
   */
  public boolean stale(NodeRecord node, Instant lastSeen, ContactRule.Allowance allowance) {
    if (!node.enrolled() || node.revoked() || node.inventory().retired()) {
      return false;
    }
    return ContactRule.stale(lastSeen != null ? lastSeen : node.enrolledAt(), allowance,
        clock.instant());
  }

  /** The node's volumes from its latest report (empty before the first report). */
  public List<VolumeView> volumes(String node, boolean connected, boolean stale, Instant lastSeen,
      HealthRecord health, JsonNode spec) {
    if (health == null) {
      return List.of();
    }
    Map<String, Duration> periods = schedulePeriods(spec);
    Instant now = clock.instant();
    List<VolumeView> views = new ArrayList<>();
    for (VolumeHealthRecord volume : health.volumes()) {
      List<VolumeView.Backup> checked = new ArrayList<>();
      boolean overdue = false;
      boolean failing = false;
      for (BackupStatusRecord backup : volume.backups()) {
        Duration period = periods.get(backup.schedule());
        BackupCheck.Verdict verdict = backups.check(backup, period, now);
        overdue |= verdict.overdue();
        failing |= verdict.failing();
        checked.add(new VolumeView.Backup(backup.schedule(), backup.action(), backup.lastSuccess(),
            backup.lastAttempt(), backup.lastOutcome(), backup.message(), backup.nextDue(),
            backup.snapshotId(), period == null ? null : period.toSeconds(), verdict.overdue(),
            verdict.failing()));
      }
      Double usedPercent = volume.capacityBytes() <= 0 ? null
          : Math.round(1000.0 * volume.usedBytes() / volume.capacityBytes()) / 10.0;
      views.add(new VolumeView(node, connected, stale, lastSeen, health.at(),
          volume.name() == null || volume.name().isEmpty() ? null : volume.name(), volume.path(),
          volume.service() == null || volume.service().isEmpty() ? null : volume.service(),
          volume.tier(), volume.status(), volume.usedBytes(), volume.capacityBytes(),
          volume.freeBytes(), usedPercent, volume.inodesUsedPercent(), volume.growthBytesPerDay(),
          volume.daysToFull(), volume.drift(), volume.problems(), checked, overdue,
          overdue || failing));
    }
    return List.copyOf(views);
  }

  /** Schedule name → period, for the schedules of the node's effective desired state. */
  private static Map<String, Duration> schedulePeriods(JsonNode spec) {
    Map<String, Duration> periods = new HashMap<>();
    if (spec != null) {
      for (JsonNode schedule : spec.path("schedules")) {
        String name = schedule.path("name").asText("");
        CronPeriod.of(schedule.path("cron").asText(null)).ifPresent(p -> periods.put(name, p));
      }
    }
    return periods;
  }
}

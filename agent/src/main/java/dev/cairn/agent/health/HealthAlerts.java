package dev.cairn.agent.health;

import dev.cairn.agent.alert.ActiveAlert;
import dev.cairn.agent.alert.AlertService;
import dev.cairn.agent.alert.Alerts.AlertLevel;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns health reports into alerts: every finding whose condition raises alerts ({@link
 * Condition#alertKind()}) and is {@code warning} or {@code critical} raises its key at that level;
 * every active alert of those kinds that no finding holds up any more — the condition ended, or the
 * volume left the catalogue — is cleared, except on a volume that could not be measured this time
 * (its condition is unknown, not ended). {@link AlertService} sends each change once. Attributes:
 * {@code volume}, {@code path}, {@code service}, {@code tier}, and {@code schedule} for backups.
 * Not thread-safe: the reporter calls it under its lock.
 */
final class HealthAlerts {

  /** The alert kinds health owns (and therefore clears). */
  static final Set<String> KINDS = Stream.of(Condition.values()).flatMap(c -> c.alertKind().stream())
      .collect(Collectors.toUnmodifiableSet());

  private final AlertService alerts;

  HealthAlerts(AlertService alerts) {
    this.alerts = alerts;
  }

  void update(HealthReport report) throws IOException {
    Map<String, Raise> wanted = new LinkedHashMap<>();
    Set<String> unmeasured = new HashSet<>();
    for (VolumeHealth volume : report.volumes()) {
      for (Finding finding : volume.findings()) {
        if (finding.condition() == Condition.MEASUREMENT && finding.level() != VolumeStatus.OK) {
          unmeasured.add(volume.path());
        }
        Optional<String> key = finding.alertKey();
        if (key.isEmpty() || finding.level() == VolumeStatus.OK) {
          continue;
        }
        Raise existing = wanted.get(key.get());
        if (existing == null || finding.level().compareTo(existing.finding().level()) > 0) {
          wanted.put(key.get(), new Raise(volume, finding));
        }
      }
    }
    for (Map.Entry<String, Raise> raise : wanted.entrySet()) {
      Finding finding = raise.getValue().finding();
      alerts.raise(raise.getKey(), finding.level() == VolumeStatus.CRITICAL ? AlertLevel.CRITICAL
          : AlertLevel.WARNING, raise.getValue().volume().name() + ": " + finding.message(),
          attributes(raise.getValue()));
    }
    for (ActiveAlert active : alerts.active()) {
      if (KINDS.contains(active.kind()) && !wanted.containsKey(active.key())
          && !unmeasured.contains(active.attributes().get("path"))) {
        alerts.clear(active.key(), active.attributes().getOrDefault("volume", active.key()) + ": "
            + cleared(active.kind()));
      }
    }
  }

  private static Map<String, String> attributes(Raise raise) {
    Map<String, String> attributes = new TreeMap<>();
    attributes.put("volume", raise.volume().name());
    attributes.put("path", raise.volume().path());
    attributes.put("service", raise.volume().service());
    attributes.put("tier", raise.volume().tier());
    if (raise.finding().condition() == Condition.BACKUP_OVERDUE) {
      String subject = raise.finding().subject();
      attributes.put("schedule", subject.substring(subject.indexOf(':') + 1));
    }
    return attributes;
  }

  private static String cleared(String kind) {
    return switch (kind) {
      case "volume-capacity" -> "filesystem use is under the warning threshold again";
      case "volume-inodes" -> "inode use is under the warning threshold again";
      case "volume-forecast" -> "the forecast no longer fills the filesystem soon";
      case "volume-drift" -> "matches the catalogue again";
      case "backup-overdue" -> "the schedule has succeeded again";
      default -> "the condition no longer holds";
    };
  }

  private record Raise(VolumeHealth volume, Finding finding) {}
}

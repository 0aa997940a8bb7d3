package dev.cairn.agent.health;

import dev.cairn.agent.layout.Catalogue;
import dev.cairn.agent.layout.CatalogueSource;
import dev.cairn.agent.layout.LayoutService;
import dev.cairn.agent.layout.VolumeOutcome;
import dev.cairn.inventory.desired.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the volumes of the current {@link Catalogue}: bytes used under each ({@link
 * UsageMeter}), its filesystem's capacity, free bytes and use, inode use, growth and forecast days
 * to full ({@link GrowthSamples}, {@link GrowthForecast}), drift from the catalogue (declared
 * catalogues only; missing volumes are reported too), and its backup schedules ({@link
 * BackupStatusSource}, {@link BackupRules}); each gives {@link Finding}s that make the status. With
 * an assumed (undeclared) catalogue only the volumes that exist are reported. Changes nothing on
 * disk except the growth history. Thread-safe.
 */
public final class HealthService {

  private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);

  private final CatalogueSource catalogues;
  private final HealthPolicy undeclaredPolicy;
  private final BackupStatusSource backups;
  private final GrowthSamples samples;
  private final UsageMeter meter;
  private final Clock clock;
  private final LayoutService layout = new LayoutService();
  private final InodeProbe inodes = new InodeProbe();

  /**
   * @param use thresholds for filesystem use (bytes and inodes) while the catalogue is not
   *     declared; a declared catalogue brings its own {@code alertThresholds}
   */
  public HealthService(CatalogueSource catalogues, HealthThresholds use, BackupStatusSource backups,
      GrowthSamples samples, UsageMeter meter, Clock clock) {
    this.catalogues = catalogues;
    this.undeclaredPolicy = HealthPolicy.withUse(use);
    this.backups = backups;
    this.samples = samples;
    this.meter = meter;
    this.clock = clock;
  }

  /** Measures every volume of the current catalogue now. */
  public synchronized HealthReport measure() {
    Catalogue catalogue = catalogues.current();
    HealthPolicy policy = catalogue.declared() ? HealthPolicy.of(catalogue.thresholds()) : undeclaredPolicy;
    Map<String, VolumeOutcome> layout = new HashMap<>();
    if (catalogue.declared()) {
      this.layout.inspect(catalogue).volumes().forEach(o -> layout.put(o.volume().name(), o));
    }
    List<Volume> volumes = new ArrayList<>();
    List<Path> present = new ArrayList<>();
    for (Volume volume : catalogue.volumes().stream().sorted(Comparator.comparing(Volume::path)).toList()) {
      Path path = Path.of(volume.path());
      boolean exists = catalogue.declared() ? layout.get(volume.name()).present()
          : Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
      if (exists) {
        present.add(path);
      }
      if (exists || catalogue.declared()) {
        volumes.add(volume);
      }
    }
    Map<Path, Usage> usage = meter.measure(present);
    Map<Path, Double> inodeUse = Map.of();
    String inodeProblem = null;
    try {
      inodeUse = inodes.inodesUsedPercent(present);
    } catch (IOException e) {
      inodeProblem = "inode use unknown: " + e.getMessage();
      LOG.warn("health: {}", inodeProblem);
    }
    Instant now = clock.instant();
    List<VolumeHealth> result = new ArrayList<>();
    for (Volume volume : volumes) {
      Path path = Path.of(volume.path());
      List<String> drift = layout.containsKey(volume.name()) ? layout.get(volume.name()).drift() : List.of();
      result.add(judge(volume, usage.get(path), inodeUse.get(path), inodeProblem, drift, policy, now));
    }
    samples.retain(catalogue.volumes().stream().map(Volume::name).toList());
    try {
      samples.save();
    } catch (IOException e) {
      LOG.warn("health: cannot save the growth samples: {}", e.getMessage());
    }
    return new HealthReport(now, result);
  }

  private VolumeHealth judge(Volume volume, Usage usage, Double inodePercent, String inodeProblem,
      List<String> drift, HealthPolicy policy, Instant now) {
    String path = volume.path();
    List<Finding> findings = new ArrayList<>(HealthRules.drift(path, drift));
    long used = 0;
    long capacity = 0;
    long free = 0;
    double inodes = -1;
    Growth growth = Growth.UNKNOWN;
    if (usage != null) {
      findings.addAll(HealthRules.usage(path, usage, policy));
      if (usage.error().isEmpty()) {
        used = usage.usedBytes();
        capacity = usage.capacityBytes();
        free = usage.freeBytes();
        samples.record(volume.name(), usage.usedMeasuredAt(), used);
        growth = GrowthForecast.fit(samples.samples(volume.name()), free, samples.window().minSamples());
        findings.addAll(HealthRules.forecast(path, growth, policy));
      }
      findings.addAll(HealthRules.inodes(path, inodePercent, inodeProblem, policy));
      inodes = inodePercent == null ? -1 : inodePercent;
    }
    List<ScheduleStatus> schedules = List.of();
    try {
      schedules = backups.statusOf(volume.name());
      findings.addAll(BackupRules.judge(volume.name(), schedules, policy, now));
    } catch (RuntimeException e) {
      findings.add(new Finding(Condition.MEASUREMENT, path, VolumeStatus.WARNING, "backup status unknown: " + e));
    }
    return new VolumeHealth(path, volume.name(), volume.service() == null ? "" : volume.service(),
        volume.tier().name().toLowerCase(Locale.ROOT), used, capacity, free, inodes, growth.bytesPerDay(),
        growth.daysToFull(), drift, schedules, findings);
  }
}

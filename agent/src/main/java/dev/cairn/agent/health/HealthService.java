package dev.cairn.agent.health;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the volumes of a {@link VolumeLayout}: bytes used under each, its filesystem's capacity
 * and free space (as {@code df} computes use: used / (used + available)), inode use, and the status
 * from {@link HealthThresholds}. Stateless apart from its settings; thread-safe.
 */
public final class HealthService {

  private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);

  private final VolumeLayout layout;
  private final HealthThresholds thresholds;
  private final Clock clock;
  private final InodeProbe inodes = new InodeProbe();

  public HealthService(VolumeLayout layout, HealthThresholds thresholds, Clock clock) {
    this.layout = layout;
    this.thresholds = thresholds;
    this.clock = clock;
  }

  /** Measures every existing volume now. */
  public HealthReport measure() {
    List<VolumeLayout.Volume> volumes = layout.existing();
    Map<Path, Double> inodeUse = Map.of();
    String inodeProblem = null;
    try {
      inodeUse = inodes.inodesUsedPercent(volumes.stream().map(VolumeLayout.Volume::path).toList());
    } catch (IOException e) {
      inodeProblem = "inode use unknown: " + e.getMessage();
      LOG.warn("health: {}", inodeProblem);
    }
    List<VolumeHealth> result = new ArrayList<>();
    for (VolumeLayout.Volume volume : volumes) {
      result.add(measure(volume, inodeUse.get(volume.path()), inodeProblem));
    }
    return new HealthReport(clock.instant(), result);
  }

  private VolumeHealth measure(VolumeLayout.Volume volume, Double inodePercent, String inodeProblem) {
    List<String> problems = new ArrayList<>();
    long used = 0;
    long capacity = 0;
    long free = 0;
    VolumeStatus status = VolumeStatus.OK;
    try {
      DirectorySize size = DirectorySize.of(volume.path());
      used = size.bytes();
      if (size.unreadable() > 0) {
        problems.add(size.unreadable() + " entries could not be read (permissions?); used bytes are a lower bound");
      }
      FileStore store = Files.getFileStore(volume.path());
      capacity = store.getTotalSpace();
      free = store.getUsableSpace();
      long fsUsed = capacity - store.getUnallocatedSpace();
      double percent = fsUsed + free == 0 ? 0 : 100.0 * fsUsed / (fsUsed + free);
      VolumeStatus byBytes = thresholds.statusOf(percent);
      if (byBytes != VolumeStatus.OK) {
        problems.add(String.format("filesystem %.1f%% full (warning at %.0f%%, critical at %.0f%%)", percent,
            thresholds.warningPercent(), thresholds.criticalPercent()));
      }
      status = byBytes;
    } catch (IOException e) {
      problems.add("cannot measure: " + e.getMessage());
      status = VolumeStatus.WARNING;
    }
    double inodes = -1;
    if (inodePercent != null) {
      inodes = inodePercent;
      VolumeStatus byInodes = thresholds.statusOf(inodes);
      if (byInodes != VolumeStatus.OK) {
        problems.add(String.format("%.1f%% of the filesystem's inodes used", inodes));
      }
      status = status.worse(byInodes);
    } else {
      problems.add(inodeProblem != null ? inodeProblem : "inode use unknown: 'stat -f' gave no answer for this path");
    }
    return new VolumeHealth(volume.path().toString(), volume.name(), volume.service(), used, capacity, free, inodes,
        status, problems);
  }
}

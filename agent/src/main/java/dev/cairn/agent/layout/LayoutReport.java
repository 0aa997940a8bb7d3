package dev.cairn.agent.layout;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of one {@link LayoutService#converge} run: changes to the base directory itself and
 * the outcome per volume, parents before children. Immutable.
 */
public record LayoutReport(Path base, List<String> baseChanges, List<VolumeOutcome> volumes) {

  public LayoutReport {
    baseChanges = List.copyOf(baseChanges);
    volumes = List.copyOf(volumes);
  }

  /** A report of nothing (no catalogue was converged). */
  public static LayoutReport empty(Path base) {
    return new LayoutReport(base, List.of(), List.of());
  }

  /** Whether anything on disk changed. */
  public boolean changed() {
    return !baseChanges.isEmpty() || volumes.stream().anyMatch(v -> !v.changes().isEmpty());
  }

  /** Volumes with drift left. */
  public List<VolumeOutcome> drifted() {
    return volumes.stream().filter(v -> !v.drift().isEmpty()).toList();
  }

  /** Volumes something was done to. */
  public List<VolumeOutcome> changedVolumes() {
    return volumes.stream().filter(v -> !v.changes().isEmpty()).toList();
  }

  /** The outcome of the volume of this name. */
  public Optional<VolumeOutcome> volume(String name) {
    return volumes.stream().filter(v -> v.volume().name().equals(name)).findFirst();
  }

  /** One line: how many volumes, created/repaired, drift left. */
  public String summary() {
    long created = volumes.stream().filter(v -> v.changes().stream().anyMatch(c -> c.startsWith("created"))).count();
    long repaired = changedVolumes().size() - created;
    return volumes.size() + " volumes under " + base + ": " + created + " created, " + repaired + " repaired, "
        + drifted().size() + " with drift";
  }
}

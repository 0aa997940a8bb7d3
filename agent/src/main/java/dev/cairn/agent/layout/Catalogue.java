package dev.cairn.agent.layout;

import dev.cairn.inventory.desired.AlertThresholds;
import dev.cairn.inventory.desired.DesiredState.DriftPolicy;
import dev.cairn.inventory.desired.Volume;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The volume part of a node's desired state: the base directory, every volume of the catalogue
 * (inventory {@link Volume}s, absolute paths inside the base), the drift policy and the alert
 * thresholds. {@code declared} is false only for the default catalogue an agent assumes before it
 * has received any desired state; drift is checked on declared catalogues only. Immutable.
 */
public record Catalogue(Path base, DriftPolicy drift, List<Volume> volumes, AlertThresholds thresholds,
    boolean declared) {

  public Catalogue {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(thresholds, "thresholds");
    volumes = List.copyOf(volumes);
  }

  /** The volume of this catalogue name. */
  public Optional<Volume> volume(String name) {
    return volumes.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** The same catalogue, declared (an operator named it, e.g. on the command line). */
  public Catalogue asDeclared() {
    return new Catalogue(base, drift, volumes, thresholds, true);
  }
}

package dev.cairn.agent.layout;

import dev.cairn.inventory.desired.Volume;
import java.util.List;

/**
 * What {@link LayoutService} found and did for one catalogue volume: the changes it made (created,
 * mode/owner/group repaired) and the drift left (what differs from the catalogue and was not or
 * could not be repaired). {@code present} says the volume is a real directory now. Immutable.
 */
public record VolumeOutcome(Volume volume, List<String> changes, List<String> drift, boolean present) {

  public VolumeOutcome {
    changes = List.copyOf(changes);
    drift = List.copyOf(drift);
  }
}

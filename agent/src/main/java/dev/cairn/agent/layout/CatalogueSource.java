package dev.cairn.agent.layout;

import dev.cairn.inventory.desired.Volume;
import java.util.Optional;

/** Where the current catalogue comes from (the newest desired state, or a fixed one). Thread-safe. */
@FunctionalInterface
public interface CatalogueSource {

  /** The catalogue to lay out and watch now. */
  Catalogue current();

  /** The service a volume of the current catalogue belongs to (what its snapshot hooks are declared for). */
  default Optional<String> serviceOf(String volume) {
    return current().volume(volume).map(Volume::service);
  }

  /** A source that always answers {@code catalogue}. */
  static CatalogueSource of(Catalogue catalogue) {
    return () -> catalogue;
  }
}

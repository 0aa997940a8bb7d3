package dev.cairn.agent.layout;

/** Where the current catalogue comes from (the newest desired state, or a fixed one). Thread-safe. */
@FunctionalInterface
public interface CatalogueSource {

  /** The catalogue to lay out and watch now. */
  Catalogue current();

  /** A source that always answers {@code catalogue}. */
  static CatalogueSource of(Catalogue catalogue) {
    return () -> catalogue;
  }
}

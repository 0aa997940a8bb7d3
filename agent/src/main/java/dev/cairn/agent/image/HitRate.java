package dev.cairn.agent.image;

/**
 * Cache hit rate of a repository over its successive versions: layers the cache already held when
 * each version after the first was imported ÷ layers those versions needed.
 */
public record HitRate(int versions, int layersNeeded, int layersFound) {

  /** 1.0 when nothing was needed yet. */
  public double rate() {
    return layersNeeded == 0 ? 1.0 : (double) layersFound / layersNeeded;
  }
}

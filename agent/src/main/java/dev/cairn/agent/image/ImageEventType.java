package dev.cairn.agent.image;

/** Kinds of image events. */
public enum ImageEventType {
  /** A version entered the cache. */
  IMPORTED,
  /** A version was sent to the engine (it lacked the image). */
  LOADED,
  /** The alias tag now points at another version. */
  ALIAS_MOVED,
  /** The alias was moved back to an earlier version. */
  ROLLED_BACK,
  /** Garbage collection removed a version from the cache. */
  EVICTED,
  /** A version was pushed to a registry. */
  PUSHED
}

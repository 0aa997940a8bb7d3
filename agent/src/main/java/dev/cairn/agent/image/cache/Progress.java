package dev.cairn.agent.image.cache;

/** Receives progress of long work (import, load, push); {@code total < 0} when unknown. */
@FunctionalInterface
public interface Progress {

  Progress NONE = (phase, done, total) -> {};

  void update(String phase, long done, long total);
}

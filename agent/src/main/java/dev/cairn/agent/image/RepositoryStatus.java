package dev.cairn.agent.image;

import dev.cairn.agent.image.history.RepositoryHistory;

/** One repository as {@code cairn images list} shows it: its history and hit rate. */
public record RepositoryStatus(RepositoryHistory history, HitRate hitRate) {}

package dev.cairn.agent.snapshot;

/**
 * One difference between two snapshots: {@code +} added, {@code -} removed, {@code M} content
 * changed, {@code T} type changed, {@code U} metadata only (mode, owner, times). Immutable.
 */
public record DiffEntry(char change, String path) {}

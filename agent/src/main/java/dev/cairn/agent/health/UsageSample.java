package dev.cairn.agent.health;

import java.time.Instant;

/** Bytes used under a volume at one instant: one point of its growth history. Immutable. */
public record UsageSample(Instant at, long usedBytes) {}

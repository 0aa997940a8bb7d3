package dev.cairn.agent.repository;

/** Where a blob is stored: a pack and the entry inside it. Immutable. */
public record BlobLocation(String pack, PackEntry entry) {}

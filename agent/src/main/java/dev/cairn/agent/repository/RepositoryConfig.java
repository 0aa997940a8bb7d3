package dev.cairn.agent.repository;

import java.time.Instant;

/** The repository's {@code config} object (docs/repository-format.md §4). Immutable. */
public record RepositoryConfig(
    int version, String id, String created, ChunkerParams chunker, int packSize, String compression) {

  public static final int VERSION = 1;
  public static final int DEFAULT_PACK_SIZE = 32 << 20;

  /** A new configuration with a random id and chunker seed. */
  public static RepositoryConfig create(int packSize) {
    byte[] seed = new byte[32];
    Randomness.SECURE.nextBytes(seed);
    return new RepositoryConfig(
        VERSION, BlobId.random().hex(), Instant.now().toString(), ChunkerParams.fastCdc(seed), packSize, "zstd");
  }
}

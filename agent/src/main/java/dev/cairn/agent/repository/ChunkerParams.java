package dev.cairn.agent.repository;

/** Content-defined chunking parameters of a repository (docs/repository-format.md §5). Immutable. */
public record ChunkerParams(String algorithm, int min, int avg, int max, byte[] gearSeed) {

  /** FastCDC with min 512 KiB, average 1 MiB, max 8 MiB and the given secret seed. */
  public static ChunkerParams fastCdc(byte[] gearSeed) {
    return new ChunkerParams("fastcdc", 512 << 10, 1 << 20, 8 << 20, gearSeed.clone());
  }

  public ChunkerParams {
    if (!"fastcdc".equals(algorithm)) {
      throw new IllegalArgumentException("unknown chunker '" + algorithm + "'");
    }
    if (min <= 0 || avg < min || max < avg || Integer.bitCount(avg) != 1) {
      throw new IllegalArgumentException("chunker bounds must be 0 < min <= avg <= max, avg a power of two");
    }
    if (gearSeed == null || gearSeed.length != 32) {
      throw new IllegalArgumentException("the chunker needs a 32-byte gear seed");
    }
  }

  @Override
  public byte[] gearSeed() {
    return gearSeed.clone();
  }
}

package dev.cairn.agent.repository;

/** Content-defined chunking parameters of a repository (docs/repository-format.md §5). Immutable. */
public record ChunkerParams(String algorithm, int min, int avg, int max, byte[] gearSeed) {

  /**
   * FastCDC with min 256 KiB, average 512 KiB, max 8 MiB and the given secret seed: the defaults of
   * a new repository. Against 512 KiB / 1 MiB (restic's bounds) fewer bytes around each change are
   * rewritten: growth after the benchmark's ~1 % change 9.8 MB instead of 12.4 MB on average (restic
   * 11.2-11.6), at the same repository size. Halving again (256 KiB) gave 9.2 MB but four times as
   * many index entries as 1 MiB chunks, and the index is held in memory (bench/growth.sh).
   */
  public static ChunkerParams fastCdc(byte[] gearSeed) {
    return new ChunkerParams("fastcdc", 256 << 10, 512 << 10, 8 << 20, gearSeed.clone());
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

package dev.cairn.agent.repository;

/**
 * What a snapshot did. {@code bytesRead}: content read from new and changed files;
 * {@code bytesNew}: plaintext of blobs the repository did not have; {@code bytesCompressed}: the
 * same after compression; {@code bytesStored}: bytes written to the repository. Immutable.
 */
public record SnapshotSummary(
    long filesNew,
    long filesChanged,
    long filesUnchanged,
    long dirs,
    long errors,
    long bytesRead,
    long bytesTotal,
    long bytesNew,
    long bytesCompressed,
    long bytesStored,
    long blobsNew,
    double seconds) {

  /** Bytes read per new byte stored before compression (1.0 = nothing deduplicated). */
  public double dedupRatio() {
    return bytesNew == 0 ? (bytesRead == 0 ? 1.0 : Double.POSITIVE_INFINITY) : (double) bytesRead / bytesNew;
  }

  /** New plaintext bytes per compressed byte (1.0 = nothing compressed). */
  public double compressionRatio() {
    return bytesCompressed == 0 ? 1.0 : (double) bytesNew / bytesCompressed;
  }
}

package dev.cairn.agent.snapshot;

/** Receives progress of a snapshot from its scanning thread; implementations must be cheap. */
public interface SnapshotProgress {

  SnapshotProgress NONE = new SnapshotProgress() {};

  /** After each file: files seen, bytes of content read so far, the file's path in the volume. */
  default void file(long files, long bytesRead, String path) {}

  /** A file or directory that could not be read (the snapshot goes on and is marked partial). */
  default void error(String path, String message) {}
}

package dev.cairn.agent.snapshot;

/** Receives progress of a restore, from its worker threads; implementations must be thread-safe and cheap. */
public interface RestoreProgress {

  RestoreProgress NONE = new RestoreProgress() {};

  /** Content bytes written so far and files completed. */
  default void progress(long bytesWritten, long filesDone) {}
}

package dev.cairn.agent.backend;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where a repository's files live: a flat namespace of immutable objects, grouped by {@link FileType}.
 *
 * <p>Implementations are thread-safe. Decorators ({@code RetryingBackend}, {@code LoggingBackend})
 * wrap a concrete backend; {@link #isPermanent(IOException)} tells a retrying decorator when to stop.
 */
public interface Backend extends Closeable {

  /** Human-readable location, e.g. {@code local:/opt/ai-q/backups/repo} or {@code s3:bucket/prefix}. */
  String location();

  /**
   * Stores the content under the handle atomically: a reader sees all of it or nothing, also after
   * a crash. For {@link Content.OfFile} the backend may move the file instead of copying it; the
   * caller must not use the file afterwards.
   *
   * <p>Saving over an existing object replaces it atomically (readers see the old or the new bytes,
   * never a mix). A save that fails — including a content stream that throws or ends early —
   * leaves no new object visible.
   */
  void save(Handle handle, Content content) throws IOException;

  /**
   * Opens the object for reading from {@code offset}; {@code length < 0} reads to the end.
   *
   * <p>A range past the end yields the bytes that exist (none if {@code offset >= size}); the caller
   * checks lengths. The caller closes the stream.
   *
   * @throws java.nio.file.NoSuchFileException if the object does not exist
   */
  InputStream open(Handle handle, long offset, long length) throws IOException;

  /**
   * The object's size in bytes.
   *
   * @throws java.nio.file.NoSuchFileException if the object does not exist
   */
  long size(Handle handle) throws IOException;

  /** Whether the object exists. */
  boolean exists(Handle handle) throws IOException;

  /** Removes the object; removing one that does not exist is not an error. */
  void remove(Handle handle) throws IOException;

  /** Every object of the type, in no particular order. */
  List<FileInfo> list(FileType type) throws IOException;

  /** Whether retrying cannot help (not found, access denied, bad request). */
  boolean isPermanent(IOException error);
}

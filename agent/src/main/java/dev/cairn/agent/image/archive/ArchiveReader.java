package dev.cairn.agent.image.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Reads the entries of an archive (or layout directory) once, in order. Seekable readers can also
 * {@link #peek} at a small entry ahead of the pass.
 */
interface ArchiveReader extends Closeable {

  /** Receives each entry with a stream of its content (empty for non-files). */
  @FunctionalInterface
  interface Visitor {
    void visit(ArchiveEntry entry, InputStream content) throws IOException, ArchiveRejectedException;
  }

  /** Reads every entry; read errors of the archive surface as {@link DamagedArchiveException}. */
  void read(Visitor visitor) throws IOException, ArchiveRejectedException;

  /**
   * Reads every entry, those named in {@code last} after all others and in that order, if this
   * reader can seek; else as {@link #read(Visitor)}.
   */
  default void read(Visitor visitor, List<String> last) throws IOException, ArchiveRejectedException {
    read(visitor);
  }

  /** The content of a small file entry read out of order, if this reader can seek; else empty. */
  Optional<byte[]> peek(String name) throws IOException;

  /** Bytes of the archive consumed so far (for progress). */
  long position();
}

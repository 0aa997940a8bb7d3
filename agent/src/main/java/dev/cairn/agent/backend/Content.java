package dev.cairn.agent.backend;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@link Backend#save} stores; can be opened more than once, so a save can be retried.
 *
 * <p>Every {@link #open()} must yield the same {@link #length()} bytes. Not sealed, so callers and
 * tests can supply other sources (e.g. a stream that fails mid-way, for fault injection).
 */
public interface Content {

  /** The number of bytes {@link #open()} yields. */
  long length() throws IOException;

  /** A fresh stream over the whole content, positioned at its first byte. */
  InputStream open() throws IOException;

  /** Content held in memory (config, keys, locks, index, snapshot records). */
  record OfBytes(byte[] bytes) implements Content {
    @Override
    public long length() {
      return bytes.length;
    }

    @Override
    public InputStream open() {
      return new ByteArrayInputStream(bytes);
    }
  }

  /** Content in a local file (pack files); the backend may move the file instead of copying it. */
  record OfFile(Path path) implements Content {
    @Override
    public long length() throws IOException {
      return Files.size(path);
    }

    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(path);
    }
  }
}

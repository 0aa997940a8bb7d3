package dev.cairn.agent.image.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Reads an uncompressed tar file with random access: all headers are read first, so small entries
 * ({@code manifest.json}, configs) can be peeked before the layers are streamed.
 */
final class TarFileReader implements ArchiveReader {

  /** Largest entry {@link #peek} reads into memory. */
  static final long PEEK_LIMIT = 16L << 20;

  private final TarFile tar;
  private final List<TarArchiveEntry> entries;
  private long position;

  private TarFileReader(TarFile tar) {
    this.tar = tar;
    this.entries = tar.getEntries();
  }

  static TarFileReader open(Path file) throws DamagedArchiveException {
    try {
      return new TarFileReader(new TarFile(file));
    } catch (IOException | RuntimeException e) {
      throw new DamagedArchiveException("the archive is damaged or truncated: " + e.getMessage(), e);
    }
  }

  @Override
  public void read(Visitor visitor) throws IOException, ArchiveRejectedException {
    for (TarArchiveEntry tarEntry : entries) {
      ArchiveEntry entry = TarEntries.of(tarEntry);
      if (entry.kind() == ArchiveEntry.Kind.FILE) {
        try (InputStream content = new CheckedEntryStream(tar.getInputStream(tarEntry), entry.name(), entry.size())) {
          visitor.visit(entry, content);
        }
      } else {
        visitor.visit(entry, InputStream.nullInputStream());
      }
      position = tarEntry.getDataOffset() + entry.size();
    }
  }

  @Override
  public Optional<byte[]> peek(String name) throws IOException {
    for (TarArchiveEntry tarEntry : entries) {
      if (tarEntry.isFile() && tarEntry.getSize() <= PEEK_LIMIT && samePath(tarEntry.getName(), name)) {
        try (InputStream in = tar.getInputStream(tarEntry)) {
          byte[] bytes = in.readAllBytes();
          return bytes.length == tarEntry.getSize() ? Optional.of(bytes) : Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static boolean samePath(String raw, String name) {
    try {
      return EntryPolicy.normalize(raw).equals(name);
    } catch (ArchiveRejectedException e) {
      return false;
    }
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}

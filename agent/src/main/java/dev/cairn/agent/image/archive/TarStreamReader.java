package dev.cairn.agent.image.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads a tar from a stream (after decompression) in one forward pass; cannot peek. */
final class TarStreamReader implements ArchiveReader {

  private final CountingStream raw;
  private final TarArchiveInputStream tar;

  TarStreamReader(CountingStream raw, InputStream decompressed) {
    this.raw = raw;
    this.tar = new TarArchiveInputStream(decompressed);
  }

  @Override
  public void read(Visitor visitor) throws IOException, ArchiveRejectedException {
    while (true) {
      TarArchiveEntry next;
      try {
        next = tar.getNextEntry();
      } catch (IOException e) {
        throw new DamagedArchiveException("the archive is damaged or truncated: " + e.getMessage(), e);
      }
      if (next == null) {
        return;
      }
      ArchiveEntry entry = TarEntries.of(next);
      InputStream content =
          entry.kind() == ArchiveEntry.Kind.FILE
              ? new CheckedEntryStream(tar, entry.name(), entry.size())
              : InputStream.nullInputStream();
      visitor.visit(entry, content);
    }
  }

  @Override
  public Optional<byte[]> peek(String name) {
    return Optional.empty();
  }

  @Override
  public long position() {
    return raw.count();
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}

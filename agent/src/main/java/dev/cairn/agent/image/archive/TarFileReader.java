package dev.cairn.agent.image.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private static final int BLOCK = 512;

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
    read(visitor, List.of());
  }

  /** Visits the entries in archive order, except those named in {@code last}: after all others, in that order. */
  @Override
  public void read(Visitor visitor, List<String> last) throws IOException, ArchiveRejectedException {
    Map<String, List<TarArchiveEntry>> held = new LinkedHashMap<>();
    last.forEach(name -> held.put(name, new ArrayList<>()));
    List<TarArchiveEntry> ordered = new ArrayList<>();
    for (TarArchiveEntry tarEntry : entries) {
      List<TarArchiveEntry> slot = held.get(normalizedOrEmpty(tarEntry.getName()));
      (slot != null ? slot : ordered).add(tarEntry);
    }
    held.values().forEach(ordered::addAll);
    for (TarArchiveEntry tarEntry : ordered) {
      ArchiveEntry entry = TarEntries.of(tarEntry);
      if (entry.kind() == ArchiveEntry.Kind.FILE) {
        try (InputStream content = new CheckedEntryStream(tar.getInputStream(tarEntry), entry.name(), entry.size())) {
          visitor.visit(entry, content);
        }
      } else {
        visitor.visit(entry, InputStream.nullInputStream());
      }
      position += BLOCK + (entry.size() + BLOCK - 1) / BLOCK * BLOCK; // header and padded data: progress only
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
    return normalizedOrEmpty(raw).equals(name);
  }

  /** The normalized name, or "" for a name the entry policy refuses (the pass then rejects it). */
  private static String normalizedOrEmpty(String raw) {
    try {
      return EntryPolicy.normalize(raw);
    } catch (ArchiveRejectedException e) {
      return "";
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

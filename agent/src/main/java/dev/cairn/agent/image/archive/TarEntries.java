package dev.cairn.agent.image.archive;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Maps a tar header to an {@link ArchiveEntry}. */
final class TarEntries {

  private TarEntries() {}

  static ArchiveEntry of(TarArchiveEntry tar) {
    ArchiveEntry.Kind kind;
    if (tar.isSymbolicLink()) {
      kind = ArchiveEntry.Kind.SYMLINK;
    } else if (tar.isLink()) {
      kind = ArchiveEntry.Kind.HARDLINK;
    } else if (tar.isDirectory()) {
      kind = ArchiveEntry.Kind.DIRECTORY;
    } else if (tar.isFIFO() || tar.isCharacterDevice() || tar.isBlockDevice()) {
      kind = ArchiveEntry.Kind.OTHER;
    } else if (tar.isFile()) {
      kind = ArchiveEntry.Kind.FILE;
    } else {
      kind = ArchiveEntry.Kind.OTHER;
    }
    return new ArchiveEntry(tar.getName(), kind, kind == ArchiveEntry.Kind.FILE ? tar.getSize() : 0, tar.getLinkName());
  }
}

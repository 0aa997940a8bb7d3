package dev.cairn.agent.image.archive;

/** One member of an archive, as its header describes it: raw name, kind, size and link target. */
public record ArchiveEntry(String name, Kind kind, long size, String linkTarget) {

  /** What an entry is. */
  public enum Kind {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    /** Devices, FIFOs and anything else an image archive never holds. */
    OTHER
  }
}

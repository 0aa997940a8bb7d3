package dev.cairn.agent.outbox;

import dev.cairn.agent.state.AtomicFile;
import dev.cairn.agent.state.RecordFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;

/**
 * One segment file of the outbox and what is known about its records. Mutable; owned and guarded
 * by {@link Outbox}.
 */
final class Segment {

  static final String SUFFIX = ".seg";

  private final Path path;
  private final long firstSeq;
  private int count;
  private long lastSeq;
  private int compactableCount;
  private long lastCompactableSeq;
  private long bytes;
  private long maxTag;
  private int generation;
  private boolean thinned;
  private String damage;

  private Segment(Path path, long firstSeq) {
    this.path = path;
    this.firstSeq = firstSeq;
    this.lastSeq = firstSeq - 1;
  }

  /** File name of the segment whose first seq is {@code firstSeq}: 20 digits, so names sort by seq. */
  static String fileName(long firstSeq) {
    return String.format("%020d%s", firstSeq, SUFFIX);
  }

  static long firstSeqOf(Path file) {
    String name = file.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
  }

  static Segment create(Path dir, long firstSeq) throws IOException {
    Path path = dir.resolve(fileName(firstSeq));
    Files.createFile(path);
    AtomicFile.syncDirectory(dir);
    return new Segment(path, firstSeq);
  }

  /**
   * Reads a segment's records to learn its metadata. Returns the scan so the caller can decide
   * what to do with a damaged tail; records after a damage are not counted.
   */
  static Loaded load(Path path) throws IOException {
    Segment segment = new Segment(path, firstSeqOf(path));
    long[] previous = {segment.firstSeq - 1};
    String[] order = {null};
    RecordFile.Scan scan = RecordFile.scan(path, 0, (offset, body) -> {
      OutboxEntry entry;
      try {
        entry = OutboxEntry.decode(body);
      } catch (IllegalArgumentException e) {
        order[0] = "undecodable record at offset " + offset + ": " + e.getMessage();
        return false;
      }
      if (entry.seq() <= previous[0]) {
        order[0] = "seq " + entry.seq() + " after " + previous[0] + " at offset " + offset;
        return false;
      }
      previous[0] = entry.seq();
      segment.count(entry, RecordFile.HEADER + body.length);
      return true;
    });
    if (order[0] != null) {
      long end = segment.bytes;
      return new Loaded(segment, new RecordFile.Scan(end, scan.fileSize(), order[0], false));
    }
    return new Loaded(segment, scan);
  }

  /** A loaded segment and the scan that read it. */
  record Loaded(Segment segment, RecordFile.Scan scan) {}

  void count(OutboxEntry entry, long recordBytes) {
    count++;
    lastSeq = entry.seq();
    bytes += recordBytes;
    maxTag = Math.max(maxTag, entry.tag());
    if (entry.kind().compactable()) {
      compactableCount++;
      lastCompactableSeq = entry.seq();
    }
  }

  /**
   * Rewrites the segment keeping only the entries {@code keep} accepts (temp file, fsync, rename,
   * fsync directory). Returns the bytes freed. A segment found damaged (a record that fails its
   * checksum: bit rot since it was written) is left as it is and marked {@link #damage()}: a
   * rewrite would drop every entry after the damage.
   */
  long rewrite(Predicate<OutboxEntry> keep) throws IOException {
    Path temp = path.resolveSibling(path.getFileName() + ".compact");
    Files.deleteIfExists(temp);
    Segment rewritten = new Segment(path, firstSeq);
    try (RecordFile out = RecordFile.openForAppend(temp, 0)) {
      RecordFile.Scan scan = RecordFile.scan(path, 0, bytes, (offset, body) -> {
        OutboxEntry entry = OutboxEntry.decode(body);
        if (keep.test(entry)) {
          out.append(body, false);
          rewritten.count(entry, RecordFile.HEADER + body.length);
        }
        return true;
      });
      if (scan.damaged()) {
        damage = scan.problem();
      } else {
        out.sync();
      }
    }
    if (damage != null) {
      Files.deleteIfExists(temp);
      throw new DamagedSegmentException(path.getFileName().toString(), damage);
    }
    Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    AtomicFile.syncDirectory(path.getParent());
    long freed = bytes - rewritten.bytes;
    count = rewritten.count;
    lastSeq = Math.max(lastSeq, rewritten.lastSeq);
    compactableCount = rewritten.compactableCount;
    lastCompactableSeq = rewritten.lastCompactableSeq;
    bytes = rewritten.bytes;
    generation++;
    return freed;
  }

  Path path() {
    return path;
  }

  long firstSeq() {
    return firstSeq;
  }

  int count() {
    return count;
  }

  /** The highest seq ever stored in this segment ({@code firstSeq - 1} when it never held one). */
  long lastSeq() {
    return lastSeq;
  }

  int compactableCount() {
    return compactableCount;
  }

  /** The seq of its newest compactable entry (a health report), 0 if it holds none. */
  long lastCompactableSeq() {
    return lastCompactableSeq;
  }

  long bytes() {
    return bytes;
  }

  long maxTag() {
    return maxTag;
  }

  /** Why a compaction found it damaged and left it alone, or null. */
  String damage() {
    return damage;
  }

  /** Whether its health samples were already thinned (in this process). */
  boolean thinned() {
    return thinned;
  }

  void markThinned() {
    thinned = true;
  }

  /** Changes whenever the file is rewritten, invalidating read positions into it. */
  int generation() {
    return generation;
  }
}

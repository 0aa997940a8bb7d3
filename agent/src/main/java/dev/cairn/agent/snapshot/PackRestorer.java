package dev.cairn.agent.snapshot;

import dev.cairn.agent.backend.Backend;
import dev.cairn.agent.pack.PackReader;
import dev.cairn.agent.repository.CorruptObjectException;
import dev.cairn.agent.repository.PackEntry;
import dev.cairn.agent.repository.RepositoryKey;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Restores the blobs one pack contributes: reads runs of nearby blobs with one sequential read,
 * opens each blob once and writes it to every file position that needs it. A blob that fails
 * authentication, or a pack that ends early, damages only the files that need those blobs.
 * One instance per worker thread (it owns the buffers).
 */
final class PackRestorer {

  /** Blobs closer than this are read in one pass (the gap is skipped). */
  private static final int GAP = 1 << 20;
  private static final int MAX_RUN = 64 << 20;

  /** A file position that needs a blob. Immutable. */
  record Target(PackEntry entry, FileTask file, long offset) {}

  private final Backend backend;
  private final RepositoryKey key;
  private final AtomicLong bytes;
  private final Consumer<String> errors;
  private byte[] sealed;
  private byte[] stored;
  private byte[] plain;

  /** Buffers are sized for {@code typicalChunk} at first and grow for a larger blob. */
  PackRestorer(Backend backend, RepositoryKey key, int typicalChunk, AtomicLong bytes, Consumer<String> errors) {
    this.backend = backend;
    this.key = key;
    this.bytes = bytes;
    this.errors = errors;
    int bound = BlobCodec.sealedBound(typicalChunk);
    this.sealed = new byte[bound];
    this.stored = new byte[bound];
    this.plain = new byte[bound];
  }

  void restore(String pack, List<Target> targets) {
    targets.sort(Comparator.comparingInt((Target t) -> t.entry().offset()));
    int i = 0;
    while (i < targets.size()) {
      int start = targets.get(i).entry().offset();
      long end = end(targets.get(i).entry());
      int j = i + 1;
      while (j < targets.size()) {
        PackEntry next = targets.get(j).entry();
        if (next.offset() - end > GAP || end(next) - start > MAX_RUN) {
          break;
        }
        end = Math.max(end, end(next));
        j++;
      }
      run(pack, targets.subList(i, j), start, end);
      i = j;
    }
  }

  private static long end(PackEntry entry) {
    return (long) entry.offset() + entry.storedLength();
  }

  private void run(String pack, List<Target> targets, int start, long end) {
    int k = 0;
    try (InputStream in = backend.open(PackReader.handle(pack), start, end - start)) {
      long position = start;
      PackEntry current = null;
      int length = 0;
      String damage = null;
      for (; k < targets.size(); k++) {
        Target target = targets.get(k);
        PackEntry entry = target.entry();
        if (current == null || entry.offset() != current.offset()) {
          skip(in, entry.offset() - position);
          ensure(Math.max(entry.storedLength(), entry.plainLength()));
          readFully(in, sealed, entry.storedLength());
          position = end(entry);
          current = entry;
          try {
            length = BlobCodec.open(key, entry, pack, sealed, 0, stored, plain);
            damage = null;
          } catch (CorruptObjectException e) {
            damage = e.getMessage();
          }
        }
        deliver(target, damage, length);
      }
    } catch (IOException e) {
      String why = "pack " + BlobCodec.shortName(pack) + " cannot be read: " + e.getMessage();
      for (; k < targets.size(); k++) {
        deliver(targets.get(k), why, 0);
      }
    }
  }

  private void deliver(Target target, String damage, int length) {
    try {
      if (damage != null) {
        target.file().damaged(damage);
      } else {
        target.file().write(target.offset(), plain, length);
        bytes.addAndGet(length);
      }
    } catch (IOException e) {
      errors.accept(target.file().rel + ": " + e.getMessage());
    }
  }

  private void ensure(int length) {
    if (sealed.length < length) {
      sealed = new byte[length];
      stored = new byte[length];
      plain = new byte[length];
    }
  }

  private static void skip(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("pack ends early (truncated)");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private static void readFully(InputStream in, byte[] buffer, int length) throws IOException {
    int n = in.readNBytes(buffer, 0, length);
    if (n != length) {
      throw new EOFException("pack ends early (truncated)");
    }
  }
}

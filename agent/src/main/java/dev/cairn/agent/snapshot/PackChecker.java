package dev.cairn.agent.snapshot;

import dev.cairn.agent.pack.PackReader;
import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.CorruptObjectException;
import dev.cairn.agent.repository.PackDescriptor;
import dev.cairn.agent.repository.PackEntry;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a whole pack and checks every blob: the header authenticates and agrees with the index,
 * every blob's GCM tag authenticates, it decompresses to its length, and its keyed hash equals its
 * id. One instance per thread (it owns the buffers).
 */
final class PackChecker {

  private final Repository repository;
  private byte[] sealed = new byte[1 << 20];
  private byte[] stored = new byte[1 << 20];
  private byte[] plain = new byte[1 << 20];

  PackChecker(Repository repository) {
    this.repository = repository;
  }

  /** Checks one pack; damaged blobs go into {@code bad} (id → reason), problems into {@code errors}. */
  long check(String pack, PackDescriptor indexed, Map<BlobId, String> bad, List<String> errors) {
    List<PackEntry> entries;
    try {
      entries = new ArrayList<>(PackReader.readHeader(repository.backend(), repository.key(), pack));
    } catch (RepositoryException | IOException e) {
      errors.add("data/" + pack + ": " + e.getMessage());
      if (indexed != null) {
        markAll(indexed.entries(), bad, "pack " + BlobCodec.shortName(pack) + " header unreadable");
      }
      return 0;
    }
    if (indexed != null) {
      Set<PackEntry> inHeader = new HashSet<>(entries);
      for (PackEntry entry : indexed.entries()) {
        if (!inHeader.contains(entry)) {
          errors.add("data/" + pack + ": the index lists blob " + entry.id().shortHex() + " that the pack header does not");
          bad.put(entry.id(), "index and pack header disagree");
        }
      }
    }
    entries.sort(Comparator.comparingInt(PackEntry::offset));
    long read = 0;
    try (InputStream in = repository.backend().open(PackReader.handle(pack), 0, -1)) {
      long position = 0;
      for (PackEntry entry : entries) {
        in.skipNBytes(entry.offset() - position);
        ensure(Math.max(entry.storedLength(), entry.plainLength()));
        if (in.readNBytes(sealed, 0, entry.storedLength()) != entry.storedLength()) {
          throw new EOFException("pack ends early (truncated)");
        }
        position = (long) entry.offset() + entry.storedLength();
        read += entry.storedLength();
        try {
          int n = BlobCodec.open(repository.key(), entry, pack, sealed, 0, stored, plain);
          if (!BlobCodec.matches(repository.key(), entry.id(), plain, n)) {
            throw new CorruptObjectException("blob " + entry.id().shortHex() + " in pack " + BlobCodec.shortName(pack)
                + ": content does not match its id");
          }
        } catch (CorruptObjectException e) {
          errors.add("data/" + pack + ": " + e.getMessage());
          bad.put(entry.id(), e.getMessage());
        }
      }
    } catch (IOException e) {
      errors.add("data/" + pack + ": " + e.getMessage());
      markAll(entries, bad, "pack " + BlobCodec.shortName(pack) + " unreadable: " + e.getMessage());
    }
    return read;
  }

  private static void markAll(List<PackEntry> entries, Map<BlobId, String> bad, String why) {
    for (PackEntry entry : entries) {
      bad.putIfAbsent(entry.id(), why);
    }
  }

  private void ensure(int length) {
    if (sealed.length < length) {
      sealed = new byte[length];
      stored = new byte[length];
      plain = new byte[length];
    }
  }
}

package dev.cairn.agent.snapshot;

import dev.cairn.agent.backend.FileInfo;
import dev.cairn.agent.backend.FileType;
import dev.cairn.agent.pack.PackReader;
import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.Index;
import dev.cairn.agent.repository.PackEntry;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pack files actually present in {@code data/}, and the headers of those no index lists
 * (leftovers of interrupted operations, or packs whose index file was lost). Immutable after load.
 */
final class PackListing {

  final Map<String, Long> sizes = new HashMap<>();
  final Map<String, List<PackEntry>> unindexed = new LinkedHashMap<>();
  final Map<BlobId, String> unindexedBlobs = new HashMap<>();

  /** Lists {@code data/} and reads the header of every pack the index does not know. */
  static PackListing load(Repository repository, Index index, Consumer<String> unreadable) throws IOException {
    PackListing listing = new PackListing();
    for (FileInfo file : repository.backend().list(FileType.PACK)) {
      String name = file.handle().name();
      listing.sizes.put(name, file.size());
      if (index.pack(name) == null) {
        try {
          List<PackEntry> entries = PackReader.readHeader(repository.backend(), repository.key(), name);
          listing.unindexed.put(name, entries);
          for (PackEntry entry : entries) {
            listing.unindexedBlobs.putIfAbsent(entry.id(), name);
          }
        } catch (RepositoryException | IOException e) {
          unreadable.accept("data/" + name + ": in no index and its header is unreadable: " + e.getMessage());
        }
      }
    }
    return listing;
  }
}

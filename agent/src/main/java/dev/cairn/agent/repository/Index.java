package dev.cairn.agent.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The repository index in memory: which pack holds each blob, and every indexed pack's size.
 * Thread-safe; packs are added as they are saved.
 */
public final class Index {

  private final Map<BlobId, BlobLocation> blobs = new ConcurrentHashMap<>();
  private final Map<String, PackDescriptor> packs = new ConcurrentHashMap<>();
  private final Set<String> files = ConcurrentHashMap.newKeySet();

  /** Adds a pack and its blobs; an already known blob keeps its first location. */
  public void add(PackDescriptor pack) {
    packs.put(pack.pack(), pack);
    for (PackEntry entry : pack.entries()) {
      blobs.putIfAbsent(entry.id(), new BlobLocation(pack.pack(), entry));
    }
  }

  /** Records that an index file has been read into (or written from) this index. */
  public void addFile(String name) {
    files.add(name);
  }

  public BlobLocation find(BlobId id) {
    return blobs.get(id);
  }

  public boolean contains(BlobId id) {
    return blobs.containsKey(id);
  }

  public PackDescriptor pack(String name) {
    return packs.get(name);
  }

  public Collection<PackDescriptor> packs() {
    return List.copyOf(packs.values());
  }

  /** The index files this index was read from. */
  public List<String> files() {
    return new ArrayList<>(files);
  }

  public int blobCount() {
    return blobs.size();
  }
}

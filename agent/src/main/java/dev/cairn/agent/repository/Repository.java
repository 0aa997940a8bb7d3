package dev.cairn.agent.repository;

import dev.cairn.agent.backend.Backend;
import dev.cairn.agent.backend.Content;
import dev.cairn.agent.backend.FileInfo;
import dev.cairn.agent.backend.FileType;
import dev.cairn.agent.backend.Handle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * An opened repository: its backend, unlocked key and config, with access to the index,
 * snapshot records and locks. Blob I/O lives in {@code dev.cairn.agent.snapshot.BlobStore}.
 * Thread-safe.
 */
public final class Repository {

  public static final Handle CONFIG = new Handle(FileType.CONFIG, "config");

  private final Backend backend;
  private final Path staging;
  private final RepositoryKey key;
  private final RepositoryConfig config;

  private Repository(Backend backend, Path staging, RepositoryKey key, RepositoryConfig config) {
    this.backend = backend;
    this.staging = staging;
    this.key = key;
    this.config = config;
  }

  /** Writes the config of a new repository (its first key file must already be saved). */
  public static Repository init(Backend backend, Path staging, RepositoryKey key, RepositoryConfig config)
      throws IOException, RepositoryException {
    if (backend.exists(CONFIG)) {
      throw new RepositoryException("a repository already exists at " + backend.location());
    }
    backend.save(CONFIG, new Content.OfBytes(SealedObjectCodec.seal(key, Aad.CONFIG, JsonCodec.encode(config))));
    return new Repository(backend, staging, key, config);
  }

  /** Opens a repository with an unlocked key ({@code dev.cairn.agent.crypto.KeyRing#unlock}). */
  public static Repository open(Backend backend, Path staging, RepositoryKey key) throws IOException, RepositoryException {
    byte[] sealed;
    try {
      sealed = readObject(backend, CONFIG);
    } catch (NoSuchFileException e) {
      throw new RepositoryNotFoundException("no repository at " + backend.location() + " (no config): create one with 'cairn repo init'");
    }
    RepositoryConfig config = JsonCodec.decode(SealedObjectCodec.open(key, Aad.CONFIG, sealed, "config"),
        RepositoryConfig.class, "config");
    if (config.version() != RepositoryConfig.VERSION) {
      throw new RepositoryException("repository format version " + config.version()
          + " is not supported by this Cairn (it reads version " + RepositoryConfig.VERSION + ")");
    }
    return new Repository(backend, staging, key, config);
  }

  public Backend backend() {
    return backend;
  }

  public RepositoryKey key() {
    return key;
  }

  public RepositoryConfig config() {
    return config;
  }

  /** The local directory pack files are written to before they are saved. */
  public Path stagingDirectory() throws IOException {
    Files.createDirectories(staging);
    return staging;
  }

  // ---- locks

  public RepositoryLock lockShared(String purpose) throws IOException, RepositoryException {
    return RepositoryLock.acquire(backend, false, purpose);
  }

  public RepositoryLock lockExclusive(String purpose) throws IOException, RepositoryException {
    return RepositoryLock.acquire(backend, true, purpose);
  }

  /** Every lock file that parses, with its name. */
  public List<LockInfo> locks() throws IOException {
    List<LockInfo> locks = new ArrayList<>();
    for (FileInfo file : backend.list(FileType.LOCK)) {
      LockInfo info = RepositoryLock.read(backend, file.handle());
      if (info != null) {
        locks.add(info);
      }
    }
    return locks;
  }

  // ---- index

  /** Reads every index file; fails on the first damaged one. */
  public Index loadIndex() throws IOException, RepositoryException {
    Index index = new Index();
    for (FileInfo file : backend.list(FileType.INDEX)) {
      readIndexFile(file.handle(), index);
    }
    return index;
  }

  /** Reads every index file it can; damaged or vanished ones are reported and skipped. */
  public Index loadIndex(Consumer<String> problems) throws IOException {
    Index index = new Index();
    for (FileInfo file : backend.list(FileType.INDEX)) {
      try {
        readIndexFile(file.handle(), index);
      } catch (RepositoryException | NoSuchFileException e) {
        problems.accept(file.handle() + ": " + e.getMessage());
      }
    }
    return index;
  }

  private void readIndexFile(Handle handle, Index index) throws IOException, RepositoryException {
    byte[] payload = SealedObjectCodec.open(key, Aad.of(handle), readObject(backend, handle), handle.toString());
    for (PackDescriptor pack : IndexCodec.decode(payload, handle.toString())) {
      index.add(pack);
    }
    index.addFile(handle.name());
  }

  /** Saves an index file listing these packs; returns its name. */
  public String saveIndex(List<PackDescriptor> packs) throws IOException {
    Handle handle = new Handle(FileType.INDEX, BlobId.random().hex());
    backend.save(handle, new Content.OfBytes(SealedObjectCodec.seal(key, Aad.of(handle), IndexCodec.encode(packs))));
    return handle.name();
  }

  public void removeIndex(String name) throws IOException {
    backend.remove(new Handle(FileType.INDEX, name));
  }

  // ---- snapshots

  /** Every snapshot record, oldest first; fails on a damaged one. */
  public List<SnapshotRecord> snapshots() throws IOException, RepositoryException {
    List<SnapshotRecord> records = new ArrayList<>();
    for (FileInfo file : backend.list(FileType.SNAPSHOT)) {
      records.add(snapshot(file.handle()));
    }
    records.sort(Comparator.comparing(SnapshotRecord::instant).thenComparing(SnapshotRecord::id));
    return records;
  }

  /** Every snapshot record that reads; damaged ones are reported and skipped. */
  public List<SnapshotRecord> snapshots(Consumer<String> problems) throws IOException {
    List<SnapshotRecord> records = new ArrayList<>();
    for (FileInfo file : backend.list(FileType.SNAPSHOT)) {
      try {
        records.add(snapshot(file.handle()));
      } catch (RepositoryException | NoSuchFileException e) {
        problems.accept(file.handle() + ": " + e.getMessage());
      }
    }
    records.sort(Comparator.comparing(SnapshotRecord::instant).thenComparing(SnapshotRecord::id));
    return records;
  }

  private SnapshotRecord snapshot(Handle handle) throws IOException, RepositoryException {
    byte[] json = SealedObjectCodec.open(key, Aad.of(handle), readObject(backend, handle), handle.toString());
    SnapshotRecord record = JsonCodec.decode(json, SnapshotRecord.class, handle.toString());
    if (record.version() != SnapshotRecord.VERSION || !handle.name().equals(record.id()) || record.root() == null) {
      throw new CorruptObjectException(handle + " is not a version-1 snapshot record of that id");
    }
    return record;
  }

  /**
   * Finds a snapshot by id, unique id prefix, or {@code latest} (newest, optionally of one volume
   * and host).
   */
  public SnapshotRecord findSnapshot(String idOrLatest, String volume, String host) throws IOException, RepositoryException {
    List<SnapshotRecord> candidates = new ArrayList<>();
    for (SnapshotRecord record : snapshots()) {
      boolean volumeMatches = volume == null || volume.equals(record.volume());
      boolean hostMatches = host == null || host.equals(record.host());
      if ("latest".equals(idOrLatest) ? volumeMatches && hostMatches : record.id().startsWith(idOrLatest)) {
        candidates.add(record);
      }
    }
    if (candidates.isEmpty()) {
      throw new SnapshotNotFoundException("no snapshot " + ("latest".equals(idOrLatest) ? "" : "'" + idOrLatest + "' ")
          + (volume == null ? "" : "of volume '" + volume + "' ") + "in " + backend.location()
          + ": list them with 'cairn snapshots'");
    }
    if (!"latest".equals(idOrLatest) && candidates.size() > 1) {
      throw new SnapshotNotFoundException("snapshot id prefix '" + idOrLatest + "' is ambiguous ("
          + candidates.size() + " snapshots): give more digits");
    }
    return candidates.get(candidates.size() - 1);
  }

  public void saveSnapshot(SnapshotRecord record) throws IOException {
    Handle handle = new Handle(FileType.SNAPSHOT, record.id());
    backend.save(handle, new Content.OfBytes(SealedObjectCodec.seal(key, Aad.of(handle), JsonCodec.encode(record))));
  }

  public boolean hasSnapshot(String id) throws IOException {
    return backend.exists(new Handle(FileType.SNAPSHOT, id));
  }

  public void removeSnapshot(String id) throws IOException {
    backend.remove(new Handle(FileType.SNAPSHOT, id));
  }

  /** Reads a whole (small) object. */
  public static byte[] readObject(Backend backend, Handle handle) throws IOException {
    try (InputStream in = backend.open(handle, 0, -1)) {
      return in.readAllBytes();
    }
  }
}

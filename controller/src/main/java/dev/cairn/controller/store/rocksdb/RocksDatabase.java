package dev.cairn.controller.store.rocksdb;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cairn.controller.error.StoreException;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * An open RocksDB with the column families of {@link KeySchema}, a JSON codec for values, synced
 * and unsynced writes, and per-node locks that serialise read-modify-write cycles. Thread-safe.
 */
final class RocksDatabase implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  private final RocksDB db;
  private final DBOptions options;
  private final ColumnFamilyOptions familyOptions;
  private final List<ColumnFamilyHandle> allHandles;
  private final Map<String, ColumnFamilyHandle> handles = new HashMap<>();
  private final WriteOptions syncWrite = new WriteOptions().setSync(true);
  private final WriteOptions lazyWrite = new WriteOptions();
  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final ObjectMapper json;

  private RocksDatabase(
      RocksDB db, DBOptions options, ColumnFamilyOptions familyOptions,
      List<ColumnFamilyHandle> allHandles) {
    this.db = db;
    this.options = options;
    this.familyOptions = familyOptions;
    this.allHandles = allHandles;
    for (int i = 0; i < KeySchema.COLUMN_FAMILIES.size(); i++) {
      handles.put(KeySchema.COLUMN_FAMILIES.get(i), allHandles.get(i + 1));
    }
    this.json = Jackson.newObjectMapper()
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  static RocksDatabase open(Path dir) throws IOException {
    Files.createDirectories(dir);
    DBOptions options = new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setMaxBackgroundJobs(2)
        .setKeepLogFileNum(5);
    ColumnFamilyOptions familyOptions = new ColumnFamilyOptions();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, familyOptions));
    for (String name : KeySchema.COLUMN_FAMILIES) {
      descriptors.add(new ColumnFamilyDescriptor(KeySchema.utf8(name), familyOptions));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      RocksDB db = RocksDB.open(options, dir.toString(), descriptors, handles);
      RocksDatabase database = new RocksDatabase(db, options, familyOptions, handles);
      database.put(KeySchema.META, KeySchema.SCHEMA, KeySchema.utf8(KeySchema.SCHEMA_VERSION), true);
      return database;
    } catch (RocksDBException e) {
      options.close();
      familyOptions.close();
      throw new IOException("Cannot open the controller database in " + dir + ": "
          + e.getMessage() + " (is another controller running on this data directory?)", e);
    }
  }

  ColumnFamilyHandle family(String name) {
    return handles.get(name);
  }

  byte[] get(String family, byte[] key) {
    try {
      return db.get(family(family), key);
    } catch (RocksDBException e) {
      throw failure("read from " + family, e);
    }
  }

  <T> Optional<T> read(String family, byte[] key, Class<T> type) {
    byte[] value = get(family, key);
    return value == null ? Optional.empty() : Optional.of(decode(value, type));
  }

  void put(String family, byte[] key, byte[] value, boolean sync) {
    try {
      db.put(family(family), sync ? syncWrite : lazyWrite, key, value);
    } catch (RocksDBException e) {
      throw failure("write to " + family, e);
    }
  }

  void write(WriteBatch batch, boolean sync) {
    try {
      db.write(sync ? syncWrite : lazyWrite, batch);
    } catch (RocksDBException e) {
      throw failure("write a batch", e);
    }
  }

  /** Adds a put to {@code batch}, wrapping RocksDB's checked exception. */
  void put(WriteBatch batch, String family, byte[] key, byte[] value) {
    try {
      batch.put(family(family), key, value);
    } catch (RocksDBException e) {
      throw failure("prepare a write to " + family, e);
    }
  }

  void delete(WriteBatch batch, String family, byte[] key) {
    try {
      batch.delete(family(family), key);
    } catch (RocksDBException e) {
      throw failure("prepare a delete in " + family, e);
    }
  }

  RocksIterator iterator(String family) {
    return db.newIterator(family(family));
  }

  byte[] encode(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  <T> T decode(byte[] value, Class<T> type) {
    try {
      return json.readValue(value, type);
    } catch (IOException e) {
      throw new StoreException("A stored " + type.getSimpleName() + " is unreadable: "
          + e.getMessage() + "; restore the data directory from a backup", e);
    }
  }

  /** Runs {@code work} holding the lock of {@code key} (a node name, usually). Reentrant. */
  <T> T locked(String key, Supplier<T> work) {
    ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work} holding the locks of all {@code keys}, taken in sorted order so that two
   * callers never wait for each other in a cycle.
   */
  <T> T lockedAll(Collection<String> keys, Supplier<T> work) {
    List<ReentrantLock> taken = new ArrayList<>();
    try {
      for (String key : new TreeSet<>(keys)) {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        taken.add(lock);
      }
      return work.get();
    } finally {
      for (int i = taken.size() - 1; i >= 0; i--) {
        taken.get(i).unlock();
      }
    }
  }

  static StoreException failure(String what, RocksDBException e) {
    return new StoreException("Cannot " + what + " in the controller database: " + e.getMessage()
        + "; check free disk space and the data directory's permissions", e);
  }

  @Override
  public void close() {
    try {
      db.syncWal();
    } catch (RocksDBException e) {
      // closing anyway; every acknowledged write was synced when it was made
    }
    syncWrite.close();
    lazyWrite.close();
    for (ColumnFamilyHandle handle : allHandles) {
      handle.close();
    }
    db.close();
    options.close();
    familyOptions.close();
  }
}

package dev.cairn.controller.store.rocksdb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.controller.model.DesiredRecord;
import dev.cairn.controller.model.DesiredScope;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.store.DesiredStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * {@link DesiredStore} on the {@code desired} column family; the version counter lives in {@code
 * meta} and is written in the same synced batch as the change it versions.
 */
final class RocksDesiredStore implements DesiredStore {
  private final RocksDatabase db;
  private final RocksNodeStore nodes;
  private final Clock clock;
  private final Object versionLock = new Object();
  private long version;

  RocksDesiredStore(RocksDatabase db, RocksNodeStore nodes, Clock clock) {
    this.db = db;
    this.nodes = nodes;
    this.clock = clock;
    byte[] stored = db.get(KeySchema.META, KeySchema.DESIRED_VERSION);
    this.version = stored == null ? 0 : KeySchema.u64(stored);
  }

  @Override
  public DesiredRecord put(DesiredScope scope, String name, ObjectNode spec, String updatedBy) {
    synchronized (versionLock) {
      long next = version + 1;
      DesiredRecord record =
          new DesiredRecord(scope, name, next, clock.instant(), updatedBy, spec.deepCopy());
      try (WriteBatch batch = new WriteBatch()) {
        db.put(batch, KeySchema.DESIRED, KeySchema.desired(scope, name, next), db.encode(record));
        db.put(batch, KeySchema.META, KeySchema.DESIRED_VERSION, KeySchema.u64(next));
        db.write(batch, true);
      }
      version = next;
      return record;
    }
  }

  /**
   * Takes the next version, lets {@code fill} add the changes it versions to one batch, and writes
   * that batch with the new counter value, synced. Callers holding node locks take them first.
   */
  long commit(BiConsumer<Long, WriteBatch> fill) {
    synchronized (versionLock) {
      long next = version + 1;
      try (WriteBatch batch = new WriteBatch()) {
        fill.accept(next, batch);
        db.put(batch, KeySchema.META, KeySchema.DESIRED_VERSION, KeySchema.u64(next));
        db.write(batch, true);
      }
      version = next;
      return next;
    }
  }

  /** Adds a document version to a batch (for {@link #commit}). */
  void add(WriteBatch batch, DesiredRecord record) {
    db.put(batch, KeySchema.DESIRED,
        KeySchema.desired(record.scope(), record.name(), record.version()), db.encode(record));
  }

  @Override
  public Optional<DesiredRecord> get(DesiredScope scope, String name) {
    byte[] prefix = KeySchema.desiredPrefix(scope, name);
    try (RocksIterator it = db.iterator(KeySchema.DESIRED)) {
      it.seekForPrev(KeySchema.afterPrefix(prefix));
      if (it.isValid() && KeySchema.startsWith(it.key(), prefix)) {
        return Optional.of(db.decode(it.value(), DesiredRecord.class));
      }
    }
    return Optional.empty();
  }

  @Override
  public NodeRecord setGroups(String node, List<String> groups) {
    return db.locked(node, () -> {
      synchronized (versionLock) {
        long next = version + 1;
        NodeRecord updated = nodes.readOrNew(node).withGroups(groups, next);
        try (WriteBatch batch = new WriteBatch()) {
          nodes.put(batch, updated);
          db.put(batch, KeySchema.META, KeySchema.DESIRED_VERSION, KeySchema.u64(next));
          db.write(batch, true);
        }
        version = next;
        return updated;
      }
    });
  }

  @Override
  public void raiseVersionTo(long target) {
    synchronized (versionLock) {
      if (target > version) {
        db.put(KeySchema.META, KeySchema.DESIRED_VERSION, KeySchema.u64(target), true);
        version = target;
      }
    }
  }

  @Override
  public long currentVersion() {
    synchronized (versionLock) {
      return version;
    }
  }
}

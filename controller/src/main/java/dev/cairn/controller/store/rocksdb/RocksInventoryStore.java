package dev.cairn.controller.store.rocksdb;

import dev.cairn.controller.model.DesiredRecord;
import dev.cairn.controller.model.DesiredScope;
import dev.cairn.controller.model.InventoryStatus;
import dev.cairn.controller.model.InventoryVersionRecord;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.store.InventoryStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * {@link InventoryStore} on the {@code inventory-versions} and {@code inventory-files} column
 * families; an application writes node records and {@code I} documents of the {@code desired}
 * family in the same batch as the desired-state counter, holding every affected node's lock.
 */
final class RocksInventoryStore implements InventoryStore {
  private static final String ADD_LOCK = "inventory:add";

  private final RocksDatabase db;
  private final RocksNodeStore nodes;
  private final RocksDesiredStore desired;

  RocksInventoryStore(RocksDatabase db, RocksNodeStore nodes, RocksDesiredStore desired) {
    this.db = db;
    this.nodes = nodes;
    this.desired = desired;
  }

  @Override
  public InventoryVersionRecord add(InventoryVersionRecord record, List<File> files) {
    return db.locked(ADD_LOCK, () -> {
      long next = lastVersion() + 1;
      InventoryVersionRecord stored = new InventoryVersionRecord(next, record.uploaded(),
          record.uploadedBy(), record.format(), record.source(), record.sha256(),
          record.sizeBytes(), record.files(), record.hosts(), record.groups(), record.warnings(),
          null, null);
      try (WriteBatch batch = new WriteBatch()) {
        for (File file : files) {
          db.put(batch, KeySchema.INVENTORY_FILES, KeySchema.inventoryFile(next, file.path()),
              file.content());
        }
        db.put(batch, KeySchema.INVENTORY_VERSIONS, KeySchema.inventoryVersion(next),
            db.encode(stored));
        db.write(batch, true);
      }
      return stored;
    });
  }

  private long lastVersion() {
    try (RocksIterator it = db.iterator(KeySchema.INVENTORY_VERSIONS)) {
      it.seekToLast();
      return it.isValid() ? KeySchema.u64(it.key()) : 0;
    }
  }

  @Override
  public Optional<InventoryVersionRecord> get(long version) {
    return db.read(KeySchema.INVENTORY_VERSIONS, KeySchema.inventoryVersion(version),
        InventoryVersionRecord.class);
  }

  @Override
  public List<InventoryVersionRecord> list(int limit) {
    List<InventoryVersionRecord> found = new ArrayList<>();
    try (RocksIterator it = db.iterator(KeySchema.INVENTORY_VERSIONS)) {
      for (it.seekToLast(); it.isValid() && found.size() < limit; it.prev()) {
        found.add(db.decode(it.value(), InventoryVersionRecord.class));
      }
    }
    return List.copyOf(found);
  }

  @Override
  public void files(long version, FileSink sink) throws IOException {
    byte[] prefix = KeySchema.inventoryFilesPrefix(version);
    try (RocksIterator it = db.iterator(KeySchema.INVENTORY_FILES)) {
      for (it.seek(prefix); it.isValid() && KeySchema.startsWith(it.key(), prefix); it.next()) {
        sink.accept(KeySchema.inventoryFilePath(it.key()), it.value());
      }
    }
  }

  @Override
  public OptionalLong applied() {
    byte[] value = db.get(KeySchema.META, KeySchema.INVENTORY_APPLIED);
    return value == null ? OptionalLong.empty() : OptionalLong.of(KeySchema.u64(value));
  }

  @Override
  public Applied apply(long version, List<NodeChange> changes, Instant at, String actor) {
    InventoryVersionRecord record = get(version).orElseThrow(() ->
        new IllegalArgumentException("No inventory version " + version));
    List<String> names = changes.stream().map(NodeChange::node).toList();
    List<String> changed = new ArrayList<>();
    long taken = db.lockedAll(names, () -> desired.commit((next, batch) -> {
      for (NodeChange change : changes) {
        NodeRecord node = nodes.readOrNew(change.node());
        if (change.base() != null) {
          desired.add(batch, new DesiredRecord(DesiredScope.INVENTORY, change.node(), next, at,
              actor, change.base().deepCopy()));
        }
        if (change.groups() != null) {
          node = node.withGroups(change.groups(), next);
        }
        if (change.base() != null || change.groups() != null) {
          changed.add(change.node());
        }
        nodes.put(batch, node.withInventory(transition(node.inventory(), change.transition(), at)));
      }
      db.put(batch, KeySchema.INVENTORY_VERSIONS, KeySchema.inventoryVersion(version),
          db.encode(record.withApplied(at, actor)));
      db.put(batch, KeySchema.META, KeySchema.INVENTORY_APPLIED, KeySchema.u64(version));
    }));
    return new Applied(taken, changed);
  }

  private static InventoryStatus transition(InventoryStatus status, Transition transition,
      Instant at) {
    return switch (transition) {
      case LISTED -> status.asListed();
      case ORPHANED -> status.asOrphaned(at);
      case FLAGGED -> status.asFlagged(at);
      case NONE -> status;
    };
  }
}

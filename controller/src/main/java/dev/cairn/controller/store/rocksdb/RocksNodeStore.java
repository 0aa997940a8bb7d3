package dev.cairn.controller.store.rocksdb;

import dev.cairn.controller.model.HealthRecord;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.store.NodeStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/** {@link NodeStore} on the {@code nodes} and {@code health} column families. */
final class RocksNodeStore implements NodeStore {
  private final RocksDatabase db;

  RocksNodeStore(RocksDatabase db) {
    this.db = db;
  }

  @Override
  public Optional<NodeRecord> get(String name) {
    return db.read(KeySchema.NODES, KeySchema.node(name), NodeRecord.class);
  }

  /** The stored record or a fresh one; callers hold the node's lock. */
  NodeRecord readOrNew(String name) {
    return get(name).orElseGet(() -> NodeRecord.named(name));
  }

  void put(WriteBatch batch, NodeRecord node) {
    db.put(batch, KeySchema.NODES, KeySchema.node(node.name()), db.encode(node));
  }

  @Override
  public List<NodeRecord> list() {
    List<NodeRecord> nodes = new ArrayList<>();
    try (RocksIterator it = db.iterator(KeySchema.NODES)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        nodes.add(db.decode(it.value(), NodeRecord.class));
      }
    }
    return List.copyOf(nodes);
  }

  @Override
  public NodeRecord update(String name, UnaryOperator<NodeRecord> change) {
    return update(name, change, true);
  }

  @Override
  public NodeRecord updateLazily(String name, UnaryOperator<NodeRecord> change) {
    return update(name, change, false);
  }

  private NodeRecord update(String name, UnaryOperator<NodeRecord> change, boolean sync) {
    return db.locked(name, () -> {
      NodeRecord updated = change.apply(readOrNew(name));
      db.put(KeySchema.NODES, KeySchema.node(name), db.encode(updated), sync);
      return updated;
    });
  }

  @Override
  public Optional<HealthRecord> health(String name) {
    return db.read(KeySchema.HEALTH, KeySchema.node(name), HealthRecord.class);
  }
}

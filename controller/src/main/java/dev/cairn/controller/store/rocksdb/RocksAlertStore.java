package dev.cairn.controller.store.rocksdb;

import dev.cairn.controller.model.AlertRecord;
import dev.cairn.controller.model.EventRecord;
import dev.cairn.controller.store.AlertStore;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * {@link AlertStore} on the {@code alerts} column family. {@link #add} folds one alert event into
 * the alert's latest state, inside the batch that stores the event; callers hold the node's lock
 * (agent entries) or write for a node no agent writes for at the same time.
 */
final class RocksAlertStore implements AlertStore {
  private final RocksDatabase db;

  RocksAlertStore(RocksDatabase db) {
    this.db = db;
  }

  /** Adds the new state of the event's alert to {@code batch}; other events change nothing. */
  void add(WriteBatch batch, EventRecord event) {
    if (event.node() == null || !AlertRecord.isAlert(event)) {
      return;
    }
    String key = AlertRecord.keyOf(event);
    AlertRecord current = db.read(KeySchema.ALERTS, KeySchema.alert(event.node(), key),
        AlertRecord.class).orElse(null);
    AlertRecord next = AlertRecord.fold(current, event);
    if (next == null) {
      return; // cleared without having been raised here: nothing to track
    }
    db.put(batch, KeySchema.ALERTS, KeySchema.alert(event.node(), key), db.encode(next));
  }

  @Override
  public List<AlertRecord> list(boolean includeCleared) {
    List<AlertRecord> found = new ArrayList<>();
    try (RocksIterator it = db.iterator(KeySchema.ALERTS)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        AlertRecord alert = db.decode(it.value(), AlertRecord.class);
        if (includeCleared || alert.raised()) {
          found.add(alert);
        }
      }
    }
    return List.copyOf(found);
  }
}

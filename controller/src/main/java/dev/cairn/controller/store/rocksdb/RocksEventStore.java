package dev.cairn.controller.store.rocksdb;

import dev.cairn.controller.model.EventQuery;
import dev.cairn.controller.model.EventRecord;
import dev.cairn.controller.store.EventStore;
import java.util.List;
import org.rocksdb.WriteBatch;

/** {@link EventStore} on the {@code events} column family. */
final class RocksEventStore implements EventStore {
  private final RocksDatabase db;
  private final AppendLog<EventRecord> log;
  private final RocksAlertStore alerts;

  RocksEventStore(RocksDatabase db, RocksAlertStore alerts) {
    this.db = db;
    this.alerts = alerts;
    this.log = new AppendLog<>(db, KeySchema.EVENTS, EventRecord.class);
  }

  @Override
  public EventRecord append(EventRecord event, boolean durable) {
    try (WriteBatch batch = new WriteBatch()) {
      EventRecord stored = add(batch, event);
      db.write(batch, durable);
      return stored;
    }
  }

  /**
   * Adds the event to a batch that also carries other changes (an agent outbox entry), and the
   * change of the alert it raises or clears, if it is an alert event.
   */
  EventRecord add(WriteBatch batch, EventRecord event) {
    EventRecord stored = event.withPosition(log.nextPosition());
    db.put(batch, KeySchema.EVENTS, KeySchema.logEntry(stored.received(), stored.position()),
        db.encode(stored));
    alerts.add(batch, stored);
    return stored;
  }

  @Override
  public List<EventRecord> query(EventQuery query) {
    return log.scan(query.since(), query.limit(), query::matches);
  }
}

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

  /**
   * As {@link #add}, unless the node sent an event with this id before: then nothing, and false.
   * An agent that is killed after the controller acknowledged an event but before it noted that
   * (its alert state) sends the event again, under the same id and a new outbox seq.
   */
  boolean addOnce(WriteBatch batch, EventRecord event) {
    if (event.id() == null || event.id().isEmpty()) {
      add(batch, event);
      return true;
    }
    byte[] key = KeySchema.eventId(event.node(), event.id());
    if (db.get(KeySchema.EVENT_IDS, key) != null) {
      return false;
    }
    EventRecord stored = add(batch, event);
    db.put(batch, KeySchema.EVENT_IDS, key, KeySchema.utf8(Long.toString(stored.position())));
    return true;
  }

  @Override
  public List<EventRecord> query(EventQuery query) {
    return log.scan(query.since(), query.limit(), query::matches);
  }
}

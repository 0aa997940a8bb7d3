package dev.cairn.controller.store.rocksdb;

import dev.cairn.controller.model.AuditRecord;
import dev.cairn.controller.store.AuditStore;
import java.time.Instant;
import java.util.List;

/** {@link AuditStore} on the {@code audit} column family; every append is synced. */
final class RocksAuditStore implements AuditStore {
  private final RocksDatabase db;
  private final AppendLog<AuditRecord> log;

  RocksAuditStore(RocksDatabase db) {
    this.db = db;
    this.log = new AppendLog<>(db, KeySchema.AUDIT, AuditRecord.class);
  }

  @Override
  public AuditRecord append(AuditRecord entry) {
    AuditRecord stored = entry.withPosition(log.nextPosition());
    db.put(KeySchema.AUDIT, KeySchema.logEntry(stored.at(), stored.position()), db.encode(stored),
        true);
    return stored;
  }

  @Override
  public List<AuditRecord> list(Instant since, int limit) {
    return log.scan(since, limit, entry -> true);
  }
}

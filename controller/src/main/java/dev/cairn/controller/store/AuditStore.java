package dev.cairn.controller.store;

import dev.cairn.controller.model.AuditRecord;
import java.time.Instant;
import java.util.List;

/** The append-only audit log of mutating API requests. Entries are never changed or removed. */
public interface AuditStore {
  /** Appends durably and returns the entry with its position. */
  AuditRecord append(AuditRecord entry);

  /** Entries at or after {@code since} (null: the newest {@code limit}), oldest first. */
  List<AuditRecord> list(Instant since, int limit);
}

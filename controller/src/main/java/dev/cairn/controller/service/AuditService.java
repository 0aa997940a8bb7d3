package dev.cairn.controller.service;

import dev.cairn.controller.model.AuditRecord;
import dev.cairn.controller.store.ControllerStore;
import java.time.Instant;
import java.util.List;

/** The append-only audit log of mutating API requests. */
public final class AuditService {
  private final ControllerStore store;

  public AuditService(ControllerStore store) {
    this.store = store;
  }

  public void record(AuditRecord entry) {
    store.audit().append(entry);
  }

  public List<AuditRecord> list(Instant since, int limit) {
    return store.audit().list(since, Math.max(1, Math.min(1000, limit)));
  }
}

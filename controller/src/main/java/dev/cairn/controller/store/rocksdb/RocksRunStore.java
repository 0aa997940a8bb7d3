package dev.cairn.controller.store.rocksdb;

import dev.cairn.controller.model.RunRecord;
import dev.cairn.controller.store.RunStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/** {@link RunStore} on the {@code runs} column family: records by id and the open-run index. */
final class RocksRunStore implements RunStore {
  private static final byte[] EMPTY = new byte[0];
  private final RocksDatabase db;

  RocksRunStore(RocksDatabase db) {
    this.db = db;
  }

  @Override
  public void put(RunRecord run) {
    try (WriteBatch batch = new WriteBatch()) {
      db.put(batch, KeySchema.RUNS, KeySchema.run(run.id()), db.encode(run));
      if (run.running()) {
        db.put(batch, KeySchema.RUNS, KeySchema.openRun(run.id()), EMPTY);
      } else {
        db.delete(batch, KeySchema.RUNS, KeySchema.openRun(run.id()));
      }
      db.write(batch, true);
    }
  }

  @Override
  public Optional<RunRecord> get(String id) {
    return db.read(KeySchema.RUNS, KeySchema.run(id), RunRecord.class);
  }

  @Override
  public List<RunRecord> list(int limit) {
    List<RunRecord> found = new ArrayList<>();
    byte[] prefix = KeySchema.runPrefix();
    try (RocksIterator it = db.iterator(KeySchema.RUNS)) {
      for (it.seekForPrev(KeySchema.afterPrefix(prefix));
          it.isValid() && KeySchema.startsWith(it.key(), prefix) && found.size() < limit;
          it.prev()) {
        found.add(db.decode(it.value(), RunRecord.class));
      }
    }
    return List.copyOf(found);
  }

  @Override
  public List<RunRecord> running() {
    List<RunRecord> found = new ArrayList<>();
    byte[] prefix = KeySchema.openRunPrefix();
    try (RocksIterator it = db.iterator(KeySchema.RUNS)) {
      for (it.seek(prefix); it.isValid() && KeySchema.startsWith(it.key(), prefix); it.next()) {
        get(KeySchema.runId(it.key())).filter(RunRecord::running).ifPresent(found::add);
      }
    }
    return List.copyOf(found);
  }
}

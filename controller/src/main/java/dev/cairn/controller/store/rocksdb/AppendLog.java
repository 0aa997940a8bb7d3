package dev.cairn.controller.store.rocksdb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.rocksdb.RocksIterator;

/**
 * An append-only log in one column family, keyed by time and a position that is unique and
 * increasing for the life of the database (continued on open from the highest position stored).
 * Thread-safe.
 */
final class AppendLog<T> {
  private final RocksDatabase db;
  private final String family;
  private final Class<T> type;
  private final AtomicLong position;

  AppendLog(RocksDatabase db, String family, Class<T> type) {
    this.db = db;
    this.family = family;
    this.type = type;
    // The highest position, not the last key's: keys sort by time, and an entry can carry an
    // earlier time than one written before it (concurrent writers read the clock before they take
    // a position; a clock stepped back). Reading every key once costs about a second per million.
    long highest = 0;
    try (RocksIterator it = db.iterator(family)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        highest = Math.max(highest, KeySchema.logPosition(it.key()));
      }
    }
    this.position = new AtomicLong(highest);
  }

  long nextPosition() {
    return position.incrementAndGet();
  }

  /**
   * Entries matching {@code filter}, oldest first: from {@code since} onwards when it is given,
   * otherwise the newest {@code limit}.
   */
  List<T> scan(Instant since, int limit, Predicate<T> filter) {
    List<T> found = new ArrayList<>();
    try (RocksIterator it = db.iterator(family)) {
      if (since != null) {
        for (it.seek(KeySchema.logFrom(since)); it.isValid() && found.size() < limit; it.next()) {
          addIfMatching(found, it.value(), filter);
        }
        return List.copyOf(found);
      }
      for (it.seekToLast(); it.isValid() && found.size() < limit; it.prev()) {
        addIfMatching(found, it.value(), filter);
      }
    }
    Collections.reverse(found);
    return List.copyOf(found);
  }

  private void addIfMatching(List<T> found, byte[] value, Predicate<T> filter) {
    T entry = db.decode(value, type);
    if (filter.test(entry)) {
      found.add(entry);
    }
  }
}

package dev.cairn.controller.store.rocksdb;

import dev.cairn.controller.model.CommandRecord;
import dev.cairn.controller.model.CommandStatus;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.model.ResultRecord;
import dev.cairn.controller.store.CommandStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * {@link CommandStore} on the {@code commands} (by id), {@code queue} (per node, by seq) and
 * {@code results} column families. Changes to a node's commands hold that node's lock.
 */
final class RocksCommandStore implements CommandStore {
  private final RocksDatabase db;
  private final RocksNodeStore nodes;
  private final Object enqueueLock = new Object();
  private final ConcurrentHashMap<String, Long> lastSeq = new ConcurrentHashMap<>();

  RocksCommandStore(RocksDatabase db, RocksNodeStore nodes) {
    this.db = db;
    this.nodes = nodes;
  }

  @Override
  public Enqueued enqueue(NewCommand command) {
    // One lock for all nodes: the id index is global, and operators post commands at human pace.
    synchronized (enqueueLock) {
      return db.locked(command.node(), () -> {
        Optional<CommandRecord> existing = get(command.id());
        if (existing.isPresent()) {
          return new Enqueued(existing.get(), false);
        }
        long seq = lastSeq.computeIfAbsent(command.node(), this::storedLastSeq) + 1;
        CommandRecord record = new CommandRecord(command.id(), command.node(), seq,
            command.kind(), command.arguments(), command.payload().apply(seq), command.created(),
            command.notAfter(), command.createdBy(), CommandStatus.PENDING, command.created(),
            null);
        try (WriteBatch batch = new WriteBatch()) {
          db.put(batch, KeySchema.COMMANDS, KeySchema.command(record.id()), db.encode(record));
          db.put(batch, KeySchema.QUEUE, KeySchema.queue(record.node(), seq),
              KeySchema.utf8(record.id()));
          db.write(batch, true);
        }
        lastSeq.put(command.node(), seq);
        return new Enqueued(record, true);
      });
    }
  }

  @Override
  public long lastSeq(String node) {
    return lastSeq.computeIfAbsent(node, this::storedLastSeq);
  }

  @Override
  public void raiseSeqTo(String node, long seq) {
    synchronized (enqueueLock) {
      db.locked(node, () -> {
        if (seq <= lastSeq.computeIfAbsent(node, this::storedLastSeq)) {
          return null;
        }
        // Kept as the acknowledged cursor: the agent has seen every seq up to it.
        NodeRecord record = nodes.readOrNew(node);
        try (WriteBatch batch = new WriteBatch()) {
          nodes.put(batch, record.withLastAckedCommandSeq(Math.max(seq, record.lastAckedCommandSeq())));
          db.write(batch, true);
        }
        lastSeq.put(node, seq);
        return null;
      });
    }
  }

  /** The queue's last seq, or the acknowledged cursor if a hello raised it beyond the queue. */
  private long storedLastSeq(String node) {
    long acknowledged = nodes.readOrNew(node).lastAckedCommandSeq();
    byte[] prefix = KeySchema.queuePrefix(node);
    try (RocksIterator it = db.iterator(KeySchema.QUEUE)) {
      it.seekForPrev(KeySchema.afterPrefix(prefix));
      if (it.isValid() && KeySchema.startsWith(it.key(), prefix)) {
        return Math.max(acknowledged, KeySchema.queueSeq(it.key()));
      }
    }
    return acknowledged;
  }

  @Override
  public Optional<CommandRecord> get(String id) {
    return commandOnly(id).map(command -> command.withResult(
        db.read(KeySchema.RESULTS, KeySchema.command(id), ResultRecord.class).orElse(null)));
  }

  Optional<CommandRecord> commandOnly(String id) {
    return db.read(KeySchema.COMMANDS, KeySchema.command(id), CommandRecord.class);
  }

  void put(WriteBatch batch, CommandRecord command) {
    db.put(batch, KeySchema.COMMANDS, KeySchema.command(command.id()),
        db.encode(command.withResult(null)));
  }

  @Override
  public List<CommandRecord> after(String node, long afterSeq, int limit) {
    List<CommandRecord> found = new ArrayList<>();
    byte[] prefix = KeySchema.queuePrefix(node);
    try (RocksIterator it = db.iterator(KeySchema.QUEUE)) {
      for (it.seek(KeySchema.queue(node, afterSeq + 1));
          it.isValid() && KeySchema.startsWith(it.key(), prefix) && found.size() < limit;
          it.next()) {
        get(KeySchema.string(it.value())).ifPresent(found::add);
      }
    }
    return List.copyOf(found);
  }

  @Override
  public List<CommandRecord> recent(String node, int limit) {
    List<CommandRecord> found = new ArrayList<>();
    byte[] prefix = KeySchema.queuePrefix(node);
    try (RocksIterator it = db.iterator(KeySchema.QUEUE)) {
      for (it.seekForPrev(KeySchema.afterPrefix(prefix));
          it.isValid() && KeySchema.startsWith(it.key(), prefix) && found.size() < limit;
          it.prev()) {
        get(KeySchema.string(it.value())).ifPresent(found::add);
      }
    }
    return List.copyOf(found);
  }

  @Override
  public void markDelivered(String node, long upToSeq, Instant at) {
    db.locked(node, () -> {
      NodeRecord record = nodes.readOrNew(node);
      long from = record.lastAckedCommandSeq();
      // An ack beyond the queue's end (a confused agent) must not move the cursor past commands
      // that do not exist yet.
      long upTo = Math.min(upToSeq, lastSeq.computeIfAbsent(node, this::storedLastSeq));
      if (upTo <= from) {
        return null;
      }
      try (WriteBatch batch = new WriteBatch()) {
        for (CommandRecord command : after(node, from, (int) Math.min(upTo - from, 100_000))) {
          if (command.seq() <= upTo && command.status() == CommandStatus.PENDING) {
            put(batch, command.withStatus(CommandStatus.DELIVERED, at));
          }
        }
        nodes.put(batch, record.withLastAckedCommandSeq(upTo));
        db.write(batch, true);
      }
      return null;
    });
  }

  @Override
  public boolean expire(String id, Instant at) {
    Optional<CommandRecord> found = commandOnly(id);
    if (found.isEmpty()) {
      return false;
    }
    return db.locked(found.get().node(), () -> {
      Optional<CommandRecord> current = commandOnly(id);
      if (current.isEmpty() || current.get().status() != CommandStatus.PENDING) {
        return false;
      }
      db.put(KeySchema.COMMANDS, KeySchema.command(id),
          db.encode(current.get().withStatus(CommandStatus.EXPIRED, at)), true);
      return true;
    });
  }

  @Override
  public List<String> overdue(Instant now) {
    List<String> ids = new ArrayList<>();
    scan(command -> command.status() == CommandStatus.PENDING && command.expiredAt(now),
        command -> ids.add(command.id()));
    return List.copyOf(ids);
  }

  @Override
  public long countByStatus(CommandStatus status) {
    long[] count = {0};
    scan(command -> command.status() == status, command -> count[0]++);
    return count[0];
  }

  private void scan(Predicate<CommandRecord> filter, java.util.function.Consumer<CommandRecord> sink) {
    try (RocksIterator it = db.iterator(KeySchema.COMMANDS)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        CommandRecord command = db.decode(it.value(), CommandRecord.class);
        if (filter.test(command)) {
          sink.accept(command);
        }
      }
    }
  }
}

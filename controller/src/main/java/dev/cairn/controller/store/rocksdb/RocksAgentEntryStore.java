package dev.cairn.controller.store.rocksdb;

import dev.cairn.controller.model.AgentEntry;
import dev.cairn.controller.model.CommandRecord;
import dev.cairn.controller.model.CommandStatus;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.model.ResultRecord;
import dev.cairn.controller.store.AgentEntryStore;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AgentEntryStore}: one synced batch per entry holding its effect and the node's new
 * {@code lastAgentSeq}, under the node's lock, so a replayed entry is recognised and skipped.
 */
final class RocksAgentEntryStore implements AgentEntryStore {
  private static final Logger LOG = LoggerFactory.getLogger(RocksAgentEntryStore.class);

  private final RocksDatabase db;
  private final RocksNodeStore nodes;
  private final RocksCommandStore commands;
  private final RocksEventStore events;

  RocksAgentEntryStore(
      RocksDatabase db, RocksNodeStore nodes, RocksCommandStore commands, RocksEventStore events) {
    this.db = db;
    this.nodes = nodes;
    this.commands = commands;
    this.events = events;
  }

  @Override
  public Accepted accept(String node, long seq, AgentEntry entry, Instant received) {
    return db.locked(node, () -> {
      NodeRecord record = nodes.readOrNew(node);
      if (seq <= record.lastAgentSeq()) {
        return new Accepted(false, record.lastAgentSeq());
      }
      try (WriteBatch batch = new WriteBatch()) {
        NodeRecord updated = addEffect(batch, node, record, entry);
        nodes.put(batch, updated.withLastAgentSeq(seq, received));
        db.write(batch, true);
      }
      return new Accepted(true, seq);
    });
  }

  private NodeRecord addEffect(WriteBatch batch, String node, NodeRecord record, AgentEntry entry) {
    if (entry instanceof AgentEntry.Health health) {
      db.put(batch, KeySchema.HEALTH, KeySchema.node(node), db.encode(health.health()));
    } else if (entry instanceof AgentEntry.Event event) {
      if (!events.addOnce(batch, event.event())) {
        LOG.info("Node {} sent event {} ({}) again under a new seq; it is stored once", node, event.event().id(),
            event.event().kind());
      }
    } else if (entry instanceof AgentEntry.Result result) {
      addResult(batch, node, result.result());
    } else if (entry instanceof AgentEntry.Applied applied) {
      return record.withApplied(applied.version(), applied.outcome(), applied.message());
    }
    return record;
  }

  private void addResult(WriteBatch batch, String node, ResultRecord result) {
    Optional<CommandRecord> command = commands.commandOnly(result.commandId());
    if (command.isEmpty() || !command.get().node().equals(node)) {
      // Not ours to settle; acknowledged anyway so the agent's outbox does not stall on it.
      LOG.warn("Node {} sent a result for unknown command {}; ignored", node, result.commandId());
      return;
    }
    db.put(batch, KeySchema.RESULTS, KeySchema.command(result.commandId()), db.encode(result));
    CommandStatus status = CommandStatus.valueOf(result.outcome().toUpperCase(Locale.ROOT));
    commands.put(batch, command.get().withStatus(status, result.received()));
  }
}

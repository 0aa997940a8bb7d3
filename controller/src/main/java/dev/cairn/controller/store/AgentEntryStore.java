package dev.cairn.controller.store;

import dev.cairn.controller.model.AgentEntry;
import java.time.Instant;

/**
 * Stores agent outbox entries exactly once (docs/protocol.md): the entry's effect and the node's
 * {@code last_agent_seq} go into one synced write; an entry at or below {@code last_agent_seq} is
 * a replay and changes nothing.
 */
public interface AgentEntryStore {

  /** Whether the entry was applied now, and the node's {@code last_agent_seq} afterwards. */
  record Accepted(boolean applied, long lastAgentSeq) {}

  Accepted accept(String node, long seq, AgentEntry entry, Instant received);
}

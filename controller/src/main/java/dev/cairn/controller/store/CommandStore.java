package dev.cairn.controller.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.controller.model.CommandRecord;
import dev.cairn.controller.model.CommandStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Per-node command queues (ordered by {@code seq}, strictly increasing per node) with an index by
 * command id, and the commands' results.
 */
public interface CommandStore {

  /** What to queue; {@code payload} builds the wire bytes once the position is known. */
  record NewCommand(
      String id,
      String node,
      String kind,
      JsonNode arguments,
      Instant created,
      Instant notAfter,
      String createdBy,
      Function<Long, byte[]> payload) {}

  /** The stored command and whether this call created it (false: the id existed already). */
  record Enqueued(CommandRecord command, boolean created) {}

  /**
   * Queues the command at the node's next position, durably. If a command with the same id
   * exists, nothing is written and that command is returned.
   */
  Enqueued enqueue(NewCommand command);

  Optional<CommandRecord> get(String id);

  /** The node's commands with {@code seq > afterSeq}, oldest first, at most {@code limit}. */
  List<CommandRecord> after(String node, long afterSeq, int limit);

  /** The node's newest {@code limit} commands, newest first. */
  List<CommandRecord> recent(String node, int limit);

  /** The node's highest command seq so far (0 = none): its next command gets the one after it. */
  long lastSeq(String node);

  /**
   * Makes the node's next command seq greater than {@code seq}, durably. An agent's hello may
   * report a seq beyond this store's queue (a controller restored from an older backup), and the
   * agent takes a command at or below the seqs it has seen for a replay, acknowledging it unrun.
   */
  void raiseSeqTo(String node, long seq);

  /** Marks the node's {@code PENDING} commands with {@code seq <= upToSeq} delivered. */
  void markDelivered(String node, long upToSeq, Instant at);

  /**
   * Sets the command's status to {@code EXPIRED} if it is still {@code PENDING}; returns whether
   * it did.
   */
  boolean expire(String id, Instant at);

  /** Ids of {@code PENDING} commands whose expiry lies before {@code now}. */
  List<String> overdue(Instant now);

  /** How many commands are {@code PENDING}, across all nodes. */
  long countByStatus(CommandStatus status);
}

package dev.cairn.agent.command;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.cairn.agent.outbox.EntryKind;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.agent.outbox.Outbox;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place commands enter the agent, whichever transport delivered them (the gRPC link now,
 * sneakernet bundles later). {@link #accept} writes a command to the durable inbox; a single
 * worker runs accepted commands in seq order through the {@link CommandRegistry}, at most once
 * per command id, and writes each result to the outbox. Thread-safe.
 *
 * <p>Exactly-once bookkeeping: a result is tagged in the outbox with its command seq, so after a
 * crash a command whose result is already out is not run again; a command that was started but
 * has no result is answered {@link Outcome#FAILED} ("interrupted") and not run again.
 */
public final class CommandService implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);
  private static final int MAX_APPLIED_IDS = 10_000;
  private static final long COMPACT_BYTES = 1 << 20;

  private final CommandJournal journal;
  private final CommandRegistry registry;
  private final Outbox outbox;
  private final EventPublisher events;
  private final Clock clock;
  private final Thread worker;
  private final Object signal = new Object();
  private volatile boolean running = true;

  private CommandService(CommandJournal journal, CommandRegistry registry, Outbox outbox, EventPublisher events,
      Clock clock) {
    this.journal = journal;
    this.registry = registry;
    this.outbox = outbox;
    this.events = events;
    this.clock = clock;
    this.worker = new Thread(this::work, "cairn-commands");
    this.worker.setDaemon(true);
  }

  /** Opens the inbox in {@code dir} and starts the worker, which first finishes what a crash interrupted. */
  public static CommandService start(Path dir, CommandRegistry registry, Outbox outbox, EventPublisher events,
      Clock clock) throws IOException {
    CommandService service = new CommandService(CommandJournal.open(dir, MAX_APPLIED_IDS, COMPACT_BYTES), registry,
        outbox, events, clock);
    service.worker.start();
    return service;
  }

  /**
   * Durably accepts the command delivered at {@code seq}. Returns {@code false} (and does nothing)
   * if that seq was accepted before — a replay after a reconnect or a bundle carrying a command
   * the link already delivered. Either way the caller may acknowledge {@code seq} when this returns.
   */
  public boolean accept(long seq, dev.cairn.proto.v1.Command wire) throws IOException {
    boolean added = journal.accept(seq, wire.toByteArray());
    if (added) {
      synchronized (signal) {
        signal.notifyAll();
      }
    }
    return added;
  }

  /** The highest command seq durably accepted; delivery resumes after it. */
  public long lastAcceptedSeq() {
    return journal.lastAcceptedSeq();
  }

  /** Commands accepted but not finished. */
  public int pendingCount() {
    return journal.pendingCount();
  }

  /** The seq at which the command {@code id} was applied, if it was (among the 10,000 most recent). */
  public OptionalLong appliedSeq(String id) {
    return journal.appliedSeq(id);
  }

  private void work() {
    long retryMillis = 100;
    while (running) {
      try {
        Optional<CommandJournal.Pending> next = journal.next();
        if (next.isEmpty()) {
          synchronized (signal) {
            if (journal.next().isEmpty() && running) {
              signal.wait(1000);
            }
          }
          continue;
        }
        process(next.get());
        retryMillis = 100;
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        LOG.error("commands: cannot record progress ({}); retrying in {} ms", e.getMessage(), retryMillis);
        try {
          Thread.sleep(retryMillis);
        } catch (InterruptedException interrupted) {
          return;
        }
        retryMillis = Math.min(retryMillis * 2, 30_000);
      }
    }
  }

  private void process(CommandJournal.Pending pending) throws IOException, InterruptedException {
    long seq = pending.seq();
    if (outbox.highestTag() >= seq) {
      // its result (or a later one: commands run in order) is already in the outbox
      journal.finished(seq, idOf(pending));
      return;
    }
    Instant started = clock.instant();
    if (pending.started()) {
      finish(pending, idOf(pending), Completion.failed("the agent stopped while this command ran; it was not run"
          + " again (commands run at most once): check the node and send a new command if needed"), started);
      return;
    }
    QueuedCommand queued;
    try {
      queued = CommandCodec.decode(seq, dev.cairn.proto.v1.Command.parseFrom(pending.wire()));
    } catch (CommandException | InvalidProtocolBufferException e) {
      finish(pending, idOf(pending), Completion.failed("cannot run this command: " + e.getMessage()), started);
      return;
    }
    String id = queued.command().id();
    OptionalLong appliedAt = journal.appliedSeq(id);
    if (appliedAt.isPresent()) {
      finish(pending, id, Completion.skipped("command " + id + " was already applied (seq " + appliedAt.getAsLong()
          + "); not run again"), started);
    } else if (queued.expiredAt(started)) {
      finish(pending, id, Completion.skipped("expired before it ran (not after " + queued.notAfter().orElseThrow()
          + ")"), started);
    } else {
      journal.started(seq);
      finish(pending, id, run(queued), started);
    }
  }

  private Completion run(QueuedCommand queued) throws InterruptedException {
    Command command = queued.command();
    Optional<CommandHandler<Command>> handler = registry.handlerFor(command);
    if (handler.isEmpty()) {
      return Completion.failed("this agent does not support '" + command.kind() + "' commands yet; upgrade it");
    }
    LOG.info("commands: running {} {} (seq {})", command.kind(), command.id(), queued.seq());
    try {
      return handler.get().handle(command, new CommandContext(queued, clock, events));
    } catch (CommandException e) {
      return Completion.failed(e.getMessage());
    } catch (IOException e) {
      return Completion.failed(command.kind() + " failed: " + e);
    } catch (RuntimeException e) {
      LOG.error("commands: {} {} failed with an internal error", command.kind(), command.id(), e);
      return Completion.failed("internal error in the agent: " + e + "; see the agent's log");
    }
  }

  private void finish(CommandJournal.Pending pending, String id, Completion completion, Instant started)
      throws IOException {
    CommandResult result = CommandResult.of(id, pending.seq(), completion, started, clock.instant());
    outbox.append(EntryKind.RESULT, pending.seq(), CommandCodec.encode(result, clock.instant()));
    journal.finished(pending.seq(), id);
    LOG.info("commands: {} (seq {}) {}: {}", id, pending.seq(), completion.outcome(), completion.message());
  }

  private static String idOf(CommandJournal.Pending pending) {
    try {
      String id = dev.cairn.proto.v1.Command.parseFrom(pending.wire()).getId();
      return id.length() > 200 ? id.substring(0, 200) : id;
    } catch (InvalidProtocolBufferException e) {
      return "";
    }
  }

  /** Stops the worker (a running handler is interrupted) and closes the inbox. */
  @Override
  public void close() throws IOException {
    running = false;
    worker.interrupt();
    try {
      worker.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    journal.close();
  }
}

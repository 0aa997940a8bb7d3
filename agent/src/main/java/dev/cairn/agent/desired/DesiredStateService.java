package dev.cairn.agent.desired;

import com.google.protobuf.util.Timestamps;
import dev.cairn.agent.command.CommandCodec;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.outbox.EntryKind;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.DesiredStateApplied;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives desired-state versions from any transport, keeps the newest durably and converges to it
 * on its own thread, then reports {@code DesiredStateApplied} through the outbox. Receiving never
 * waits for applying. Thread-safe.
 */
public final class DesiredStateService implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(DesiredStateService.class);

  private final DesiredStateStore store;
  private final Outbox outbox;
  private final List<DesiredStateApplier> appliers;
  private final Clock clock;
  private final ExecutorService executor;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile long receivedVersion;
  private volatile long appliedVersion;

  private DesiredStateService(DesiredStateStore store, Outbox outbox, List<DesiredStateApplier> appliers, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.appliers = List.copyOf(appliers);
    this.clock = clock;
    this.executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "cairn-desired-state");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Opens the store in {@code dir} and converges to the newest received version if it was not applied yet. */
  public static DesiredStateService start(Path dir, Outbox outbox, List<DesiredStateApplier> appliers, Clock clock)
      throws IOException {
    Files.createDirectories(dir);
    DesiredStateService service = new DesiredStateService(new DesiredStateStore(dir), outbox, appliers, clock);
    service.appliedVersion = service.store.applied();
    service.receivedVersion = service.store.received().map(DesiredState::version).orElse(0L);
    if (service.receivedVersion > service.appliedVersion) {
      service.schedule();
    }
    return service;
  }

  /**
   * Takes a desired-state version. Older or equal versions than the newest received are ignored
   * (level-triggered). Durable when this returns; applying happens later.
   */
  public void offer(dev.cairn.proto.v1.DesiredState wire) throws IOException {
    synchronized (this) {
      if (wire.getVersion() <= receivedVersion) {
        return;
      }
      store.saveReceived(wire);
      receivedVersion = wire.getVersion();
    }
    LOG.info("desired state: received version {}", wire.getVersion());
    schedule();
  }

  /** The newest version converged to (0 = none); sent in {@code Hello}. */
  public long appliedVersion() {
    return appliedVersion;
  }

  /** The newest version received (0 = none); sent in {@code Hello}: versions at or below it are ignored. */
  public long receivedVersion() {
    return receivedVersion;
  }

  /** The newest version received, if any. */
  public Optional<DesiredState> received() throws IOException {
    return store.received();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      executor.execute(this::applyNewest);
    }
  }

  private void applyNewest() {
    scheduled.set(false);
    try {
      Optional<DesiredState> newest = store.received();
      if (newest.isEmpty() || newest.get().version() <= appliedVersion) {
        return;
      }
      DesiredState state = newest.get();
      Completion completion = converge(state);
      AgentMessage report = AgentMessage.newBuilder()
          .setCreated(Timestamps.fromMillis(clock.millis()))
          .setApplied(DesiredStateApplied.newBuilder()
              .setVersion(state.version())
              .setOutcome(CommandCodec.toWire(completion.outcome()))
              .setMessage(completion.message()))
          .build();
      outbox.append(EntryKind.APPLIED, 0, report.toByteArray());
      store.saveApplied(state.version());
      appliedVersion = state.version();
      LOG.info("desired state: version {} applied, {}: {}", state.version(), completion.outcome(),
          completion.message());
    } catch (IOException e) {
      LOG.error("desired state: cannot record applying it ({}); retrying on the next version or restart",
          e.getMessage());
    }
  }

  private Completion converge(DesiredState state) {
    Outcome outcome = Outcome.OK;
    StringBuilder messages = new StringBuilder();
    for (DesiredStateApplier applier : appliers) {
      Completion part;
      try {
        part = applier.apply(state);
      } catch (Exception e) {
        LOG.error("desired state: an applier failed on version {}", state.version(), e);
        part = Completion.failed(e.toString());
      }
      if (part.outcome() == Outcome.FAILED || (part.outcome() == Outcome.CHANGED && outcome == Outcome.OK)) {
        outcome = part.outcome();
      }
      if (!part.message().isEmpty()) {
        messages.append(messages.length() == 0 ? "" : "; ").append(part.message());
      }
    }
    return new Completion(outcome, messages.length() == 0 ? "stored version " + state.version()
        : messages.toString(), java.util.Map.of());
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.cairn.agent.link;

import dev.cairn.agent.command.CommandService;
import dev.cairn.agent.desired.DesiredStateService;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.proto.v1.AgentLinkGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's side of the control plane: enrolls once if the node has no identity yet, then keeps
 * one {@code Connect} stream open over mutual TLS, reconnecting with exponential backoff and
 * jitter. Everything runs on one thread of its own; the rest of the agent only appends to the
 * outbox and never waits for the link. Thread-safe.
 */
public final class AgentLink implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(AgentLink.class);

  private final ChannelFactory channels;
  private final IdentityStore identities;
  private final Optional<EnrollmentSettings> enrollment;
  private final LinkContext context;
  private final ScheduledThreadPoolExecutor executor;
  private final Backoff backoff;
  private final AtomicBoolean pumpScheduled = new AtomicBoolean();
  private volatile boolean closed;
  private volatile boolean connected;
  private volatile String nodeName = "";
  private volatile int sessionsStarted;
  private NodeIdentity identity;
  private ManagedChannel channel;
  private LinkSession session;

  /** Wiring of a link; see {@link AgentLink#AgentLink(Parts)}. */
  public record Parts(ChannelFactory channels, IdentityStore identities, Optional<EnrollmentSettings> enrollment,
      Outbox outbox, CommandService commands, DesiredStateService desired, LinkOptions options, Clock clock,
      String agentVersion, String hostname, Random random) {}

  public AgentLink(Parts parts) {
    this.channels = parts.channels();
    this.identities = parts.identities();
    this.enrollment = parts.enrollment();
    this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "cairn-link");
      thread.setDaemon(true);
      return thread;
    });
    this.executor.setRemoveOnCancelPolicy(true);
    this.context = new LinkContext(parts.outbox(), parts.commands(), parts.desired(), parts.options(), parts.clock(),
        executor, parts.agentVersion(), parts.hostname(), parts.clock().instant());
    this.backoff = parts.options().newBackoff(parts.random());
    parts.outbox().onAppend(this::wake);
  }

  /** Starts enrolling/connecting in the background; returns at once. */
  public void start() {
    executor.execute(this::attempt);
  }

  /** Whether a stream is open and welcomed. */
  public boolean isConnected() {
    return connected;
  }

  /** The node name the controller welcomed us with ("" before the first welcome). */
  public String nodeName() {
    return nodeName;
  }

  /** Streams opened so far (for tests and logs). */
  public int sessionsStarted() {
    return sessionsStarted;
  }

  private void wake() {
    if (!closed && pumpScheduled.compareAndSet(false, true)) {
      try {
        executor.execute(() -> {
          pumpScheduled.set(false);
          if (session != null) {
            session.pump();
          }
        });
      } catch (RejectedExecutionException e) {
        // closing: the entry stays in the outbox for the next start
      }
    }
  }

  private void attempt() {
    if (closed) {
      return;
    }
    try {
      if (identity == null && !loadOrEnroll()) {
        return;
      }
      if (channel == null) {
        channel = channels.agentLink(identity);
      }
      sessionsStarted++;
      session = new LinkSession(context, new SessionListener());
      session.start(AgentLinkGrpc.newStub(channel));
    } catch (IOException | RuntimeException e) {
      LOG.warn("link: cannot connect to {}: {}", channels.target(), e.getMessage());
      retryAfter(backoff.next());
    }
  }

  /** Loads the identity or enrolls; {@code false} when a retry was scheduled instead. */
  private boolean loadOrEnroll() throws IOException {
    Optional<NodeIdentity> stored = identities.load();
    if (stored.isPresent()) {
      identity = stored.get();
      return true;
    }
    if (enrollment.isEmpty()) {
      LOG.error("link: this node is not enrolled and has no enrollment token; add enrollment.token and"
          + " enrollment.caFingerprint to the agent's configuration (an admin creates them with"
          + " cairn fleet enroll-token create --node NAME) and restart the agent");
      retryAfter(context.options().maxBackoff());
      return false;
    }
    EnrollmentSettings settings = enrollment.get();
    try {
      identity = new EnrollmentClient(channels, identities, context.options())
          .enroll(settings.token(), settings.fingerprint(), settings.nodeName(), context.agentVersion());
      backoff.reset();
      return true;
    } catch (EnrollmentException e) {
      LOG.error("link: enrollment failed: {}", e.getMessage());
      retryAfter(e.permanent() ? context.options().maxBackoff() : backoff.next());
      return false;
    }
  }

  private void retryAfter(Duration delay) {
    if (!closed) {
      LOG.info("link: next attempt in {} ms", delay.toMillis());
      executor.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Runs on the link thread. */
  private final class SessionListener implements LinkSession.Listener {
    @Override
    public void welcomed(LinkSession welcomed, String name) {
      connected = true;
      nodeName = name;
      if (!name.equals(identity.nodeName())) {
        LOG.warn("link: the controller calls this node '{}', its certificate says '{}'", name, identity.nodeName());
      }
      LOG.info("link: connected to {} as '{}'", channels.target(), name);
    }

    @Override
    public void ended(LinkSession ended, Status status, Instant welcomedAt) {
      if (ended != session) {
        return;
      }
      connected = false;
      session = null;
      if (closed) {
        return;
      }
      Instant now = context.clock().instant();
      if (welcomedAt != null && Duration.between(welcomedAt, now).compareTo(context.options().resetBackoffAfter()) >= 0) {
        backoff.reset();
      }
      Duration delay = backoff.next();
      Status.Code code = status.getCode();
      if (code == Status.Code.UNAUTHENTICATED || code == Status.Code.PERMISSION_DENIED) {
        LOG.error("link: the controller refused this node ({}: {}); if it was revoked, enroll it again with a new"
            + " token after deleting {}", code, status.getDescription(), identities.directory());
        delay = context.options().maxBackoff();
      } else {
        LOG.info("link: stream ended ({}{})", code, status.getDescription() == null ? "" : ": " + status.getDescription());
      }
      retryAfter(delay);
    }
  }

  /** Closes the stream and the channel and stops reconnecting. */
  @Override
  public void close() {
    closed = true;
    executor.execute(() -> {
      if (session != null) {
        session.cancel("agent shutting down");
      }
      if (channel != null) {
        channel.shutdownNow();
      }
    });
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
      if (channel != null) {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.cairn.agent.link;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.Timestamps;
import dev.cairn.agent.outbox.OutboxEntry;
import dev.cairn.proto.v1.Ack;
import dev.cairn.proto.v1.AgentLinkGrpc;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.ControllerMessage;
import dev.cairn.proto.v1.Hello;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code AgentLink.Connect} stream: sends {@code Hello}, waits for {@code Welcome}, then sends
 * outbox entries in seq order (at most {@link LinkOptions#window()} unacknowledged, only while the
 * stream is ready), applies cumulative acks, and hands commands and desired state to their
 * services. gRPC callbacks only hop onto the link's single thread, where all state lives, so the
 * session needs no locks. Inbound messages are requested one at a time after each is handled.
 */
final class LinkSession implements ClientResponseObserver<AgentMessage, ControllerMessage> {

  private static final Logger LOG = LoggerFactory.getLogger(LinkSession.class);

  /** Told (on the link thread) when the session is welcomed and when it ends. */
  interface Listener {
    void welcomed(LinkSession session, String nodeName);

    void ended(LinkSession session, Status status, Instant welcomedAt);
  }

  private final LinkContext context;
  private final Listener listener;
  private final ArrayDeque<Long> inFlight = new ArrayDeque<>();
  private ClientCallStreamObserver<AgentMessage> requests;
  private ScheduledFuture<?> welcomeTimeout;
  private Instant welcomedAt;
  private boolean ended;
  private long lastSent;

  LinkSession(LinkContext context, Listener listener) {
    this.context = context;
    this.listener = listener;
  }

  /** Opens the stream on {@code stub} and sends {@code Hello}. Call on the link thread. */
  void start(AgentLinkGrpc.AgentLinkStub stub) {
    stub.withDeadlineAfter(context.options().connectDeadline().toMillis(), TimeUnit.MILLISECONDS).connect(this);
    requests.onNext(AgentMessage.newBuilder()
        .setCreated(Timestamps.fromMillis(context.clock().millis()))
        .setHello(Hello.newBuilder()
            .setAgentVersion(context.agentVersion())
            .setAppliedVersion(context.desired().appliedVersion())
            .setReceivedVersion(context.desired().receivedVersion())
            .setLastCommandSeq(context.commands().lastAcceptedSeq())
            .setHostname(context.hostname())
            .setStarted(Timestamps.fromMillis(context.started().toEpochMilli())))
        .build());
    welcomeTimeout = context.executor().schedule(() -> {
      if (welcomedAt == null && !ended) {
        cancel("no Welcome within " + context.options().welcomeTimeout().toSeconds() + " s");
      }
    }, context.options().welcomeTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<AgentMessage> requestStream) {
    this.requests = requestStream;
    requestStream.disableAutoRequestWithInitial(1);
    requestStream.setOnReadyHandler(() -> onLinkThread(this::pump));
  }

  @Override
  public void onNext(ControllerMessage message) {
    onLinkThread(() -> handle(message));
  }

  @Override
  public void onError(Throwable error) {
    onLinkThread(() -> end(Status.fromThrowable(error)));
  }

  @Override
  public void onCompleted() {
    onLinkThread(() -> end(Status.OK.withDescription("the controller closed the stream")));
  }

  private void onLinkThread(Runnable task) {
    try {
      context.executor().execute(task);
    } catch (RejectedExecutionException e) {
      // the link is closing; what the stream still delivers is not needed
    }
  }

  private void handle(ControllerMessage message) {
    if (ended) {
      return;
    }
    try {
      switch (message.getBodyCase()) {
        case WELCOME -> welcome(message.getWelcome());
        case ACK -> acknowledged(message.getAck().getUpToSeq());
        case COMMAND -> {
          boolean added = context.commands().accept(message.getSeq(), message.getCommand());
          LOG.debug("link: command {} at seq {} {}", message.getCommand().getId(), message.getSeq(),
              added ? "accepted" : "already accepted");
          requests.onNext(AgentMessage.newBuilder().setAck(Ack.newBuilder().setUpToSeq(message.getSeq())).build());
        }
        case DESIRED_STATE -> context.desired().offer(message.getDesiredState());
        default -> LOG.debug("link: ignoring a controller message this agent does not know ({})",
            message.getBodyCase());
      }
      requests.request(1);
    } catch (IOException e) {
      LOG.error("link: cannot store what the controller sent ({}); reconnecting", e.getMessage());
      cancel("local storage failed: " + e.getMessage());
    }
  }

  private void welcome(dev.cairn.proto.v1.Welcome welcome) throws IOException {
    welcomedAt = context.clock().instant();
    welcomeTimeout.cancel(false);
    context.outbox().acknowledge(welcome.getLastAgentSeq());
    lastSent = Math.max(context.outbox().acknowledged(), welcome.getLastAgentSeq());
    listener.welcomed(this, welcome.getNodeName());
    pump();
  }

  private void acknowledged(long upToSeq) throws IOException {
    context.outbox().acknowledge(upToSeq);
    while (!inFlight.isEmpty() && inFlight.peekFirst() <= upToSeq) {
      inFlight.pollFirst();
    }
    lastSent = Math.max(lastSent, upToSeq);
    pump();
  }

  /** Sends outbox entries while the stream is ready and the window has room. Call on the link thread. */
  void pump() {
    if (welcomedAt == null || ended) {
      return;
    }
    try {
      int window = context.options().window();
      while (requests.isReady() && inFlight.size() < window) {
        List<OutboxEntry> entries = context.outbox().read(lastSent, window - inFlight.size());
        if (entries.isEmpty()) {
          return;
        }
        for (OutboxEntry entry : entries) {
          send(entry);
        }
      }
    } catch (IOException e) {
      LOG.error("link: cannot read the outbox ({}); reconnecting", e.getMessage());
      cancel("outbox read failed: " + e.getMessage());
    }
  }

  private void send(OutboxEntry entry) {
    lastSent = entry.seq();
    AgentMessage message;
    try {
      message = AgentMessage.parseFrom(entry.payload()).toBuilder().setSeq(entry.seq()).build();
    } catch (InvalidProtocolBufferException e) {
      LOG.error("link: outbox entry {} is not a message ({}); skipping it", entry.seq(), e.getMessage());
      return;
    }
    requests.onNext(message);
    inFlight.addLast(entry.seq());
  }

  /** Ends the stream from this side. Call on the link thread. */
  void cancel(String reason) {
    if (!ended && requests != null) {
      requests.cancel(reason, null);
    }
  }

  private void end(Status status) {
    if (ended) {
      return;
    }
    ended = true;
    if (welcomeTimeout != null) {
      welcomeTimeout.cancel(false);
    }
    listener.ended(this, status, welcomedAt);
  }

  boolean isWelcomed() {
    return welcomedAt != null && !ended;
  }
}

package dev.cairn.agent.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandRegistry;
import dev.cairn.agent.command.CommandService;
import dev.cairn.agent.command.PingHandler;
import dev.cairn.agent.desired.DesiredStateService;
import dev.cairn.agent.outbox.BudgetListener;
import dev.cairn.agent.outbox.EntryKind;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.agent.outbox.OutboxOptions;
import dev.cairn.agent.wire.StructEncoding;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.DesiredState;
import dev.cairn.proto.v1.Event;
import dev.cairn.proto.v1.Ping;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLinkTest {

  private static final LinkOptions FAST = LinkOptions.DEFAULTS.withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));

  @TempDir Path dir;
  private final Clock clock = Clock.systemUTC();
  private final List<String> pings = Collections.synchronizedList(new ArrayList<>());
  private FakeController controller;
  private Server server;
  private String serverName;
  private Outbox outbox;
  private EventPublisher events;
  private CommandService commands;
  private DesiredStateService desired;
  private AgentLink link;

  @BeforeEach
  void startController() throws Exception {
    controller = new FakeController(TestCa.create("test-ca"));
    serverName = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(serverName).directExecutor()
        .addService(controller.enrollment()).addService(controller.agentLink()).build().start();
    openAgentState();
  }

  private void openAgentState() throws IOException {
    outbox = Outbox.open(dir.resolve("outbox"), OutboxOptions.DEFAULTS, clock, BudgetListener.NONE);
    events = new EventPublisher(outbox, clock);
    commands = CommandService.start(dir.resolve("commands"), CommandRegistry.builder()
        .register(Command.Ping.class, (ping, context) -> {
          pings.add(ping.payload());
          return new PingHandler().handle(ping, context);
        }).build(), outbox, events, clock);
    desired = DesiredStateService.start(dir.resolve("desired"), outbox, List.of(), clock);
  }

  @AfterEach
  void stop() throws IOException {
    closeAgent();
    server.shutdownNow();
  }

  private void closeAgent() throws IOException {
    if (link != null) {
      link.close();
    }
    desired.close();
    commands.close();
    outbox.close();
  }

  private void enrolledIdentity() throws Exception {
    IdentityStore store = new IdentityStore(dir.resolve("identity"));
    store.save(controller.ca.client(store.loadOrCreateKey().getPublic(), new X500Principal("CN=node-1")),
        controller.ca.certificate);
  }

  private AgentLink startLink(LinkOptions options, Optional<EnrollmentSettings> enrollment) {
    ChannelFactory channels = new ChannelFactory() {
      @Override
      public ManagedChannel enrollment(CaFingerprint fingerprint) {
        return InProcessChannelBuilder.forName(serverName).build();
      }

      @Override
      public ManagedChannel agentLink(NodeIdentity identity) {
        return InProcessChannelBuilder.forName(serverName).build();
      }

      @Override
      public String target() {
        return "in-process:" + serverName;
      }
    };
    link = new AgentLink(new AgentLink.Parts(channels, new IdentityStore(dir.resolve("identity")), enrollment, outbox,
        commands, desired, options, clock, "test-version", "test-host", new Random(1)));
    link.start();
    return link;
  }

  private void publishEvents(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      events.publish("test.event", dev.cairn.proto.v1.Severity.SEVERITY_INFO, "event " + i, java.util.Map.of());
    }
  }

  private static long results(List<AgentMessage> messages) {
    return messages.stream().filter(AgentMessage::hasResult).count();
  }

  private static List<String> eventMessages(List<AgentMessage> messages) {
    return messages.stream().filter(AgentMessage::hasEvent).map(AgentMessage::getEvent).map(Event::getMessage).toList();
  }

  @Test
  void start_enrolledNode_sendsHelloWithAppliedVersionAndLastCommandSeq() throws Exception {
    enrolledIdentity();
    commands.accept(7, dev.cairn.proto.v1.Command.newBuilder().setId("seven").setPing(Ping.newBuilder()).build());
    startLink(FAST, Optional.empty());
    await().until(link::isConnected);
    assertThat(controller.hellos()).hasSize(1);
    assertThat(controller.hellos().get(0).getLastCommandSeq()).isEqualTo(7);
    assertThat(controller.hellos().get(0).getAgentVersion()).isEqualTo("test-version");
    assertThat(controller.hellos().get(0).getHostname()).isEqualTo("test-host");
    assertThat(link.nodeName()).isEqualTo("node-1");
  }

  @Test
  void start_notEnrolledWithToken_enrollsThenConnects() throws Exception {
    controller.addToken("one-time");
    startLink(FAST, Optional.of(new EnrollmentSettings("one-time", controller.ca.fingerprint(), "node-1")));
    await().until(link::isConnected);
    NodeIdentity identity = new IdentityStore(dir.resolve("identity")).load().orElseThrow();
    assertThat(identity.nodeName()).isEqualTo("node-1");
    assertThat(identity.ca()).isEqualTo(controller.ca.certificate);
  }

  @Test
  void welcome_lastAgentSeqAlreadyStored_dropsThoseEntriesWithoutSendingThem() throws Exception {
    enrolledIdentity();
    publishEvents(10);
    controller.setLastAgentSeq(6);
    startLink(FAST, Optional.empty());
    await().until(() -> controller.stored().size() == 4);
    assertThat(controller.received()).extracting(AgentMessage::getSeq).containsExactly(7L, 8L, 9L, 10L);
    await().until(() -> outbox.pendingCount() == 0);
  }

  @Test
  void pump_controllerDoesNotAck_sendsNoMoreThanTheWindowThenTheRestAfterAnAck() throws Exception {
    enrolledIdentity();
    controller.setAutoAck(false);
    publishEvents(200);
    startLink(FAST, Optional.empty());
    await().until(() -> controller.received().size() == 64);
    Thread.sleep(300);
    assertThat(controller.received()).hasSize(64);
    controller.ackAll();
    await().until(() -> controller.received().size() == 128);
    controller.setAutoAck(true);
    controller.ackAll();
    await().until(() -> controller.stored().size() == 200);
    assertThat(eventMessages(controller.stored())).containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, 200).mapToObj(i -> "event " + i).toList());
    await().until(() -> outbox.pendingCount() == 0);
  }

  @Test
  void command_delivered_isAcceptedDurablyAcknowledgedRunAndItsResultDelivered() throws Exception {
    enrolledIdentity();
    startLink(FAST, Optional.empty());
    await().until(link::isConnected);
    controller.enqueue(1, dev.cairn.proto.v1.Command.newBuilder().setId("p1")
        .setPing(Ping.newBuilder().setPayload("hello")).build());
    await().until(() -> controller.stored().stream().anyMatch(AgentMessage::hasResult));
    assertThat(controller.commandAcks()).contains(1L);
    assertThat(pings).containsExactly("hello");
    AgentMessage result = controller.stored().stream().filter(AgentMessage::hasResult).findFirst().orElseThrow();
    assertThat(result.getResult().getCommandId()).isEqualTo("p1");
    assertThat(StructEncoding.decode(result.getResult().getDetails())).containsEntry("payload", "hello");
  }

  @Test
  void desiredState_pushed_isStoredAppliedAndReported() throws Exception {
    enrolledIdentity();
    startLink(FAST, Optional.empty());
    await().until(link::isConnected);
    controller.setDesired(DesiredState.newBuilder().setVersion(3)
        .setSpec(Struct.newBuilder().putFields("k", Value.newBuilder().setStringValue("v").build()).build().toByteString())
        .build());
    await().until(() -> controller.stored().stream().anyMatch(AgentMessage::hasApplied));
    assertThat(desired.appliedVersion()).isEqualTo(3);
    assertThat(StructEncoding.decode(desired.received().orElseThrow().spec())).isEqualTo(Map.of("k", "v"));
    controller.cut();
    await().until(() -> controller.hellos().size() == 2);
    assertThat(controller.hellos().get(1).getAppliedVersion()).isEqualTo(3);
    assertThat(controller.hellos().get(1).getReceivedVersion()).isEqualTo(3);
  }

  @Test
  void cut_repeatedlyWhileEntriesAndCommandsFlow_everyEntryStoredOnceAndEveryCommandRunOnceInOrder() throws Exception {
    enrolledIdentity();
    startLink(FAST, Optional.empty());
    Random random = new Random(42);
    int commandSeq = 0;
    for (int round = 0; round < 30; round++) {
      await().until(controller::streamOpen);
      publishEvents(5 + random.nextInt(20));
      controller.enqueue(++commandSeq, dev.cairn.proto.v1.Command.newBuilder().setId("c" + commandSeq)
          .setPing(Ping.newBuilder().setPayload("p" + commandSeq)).build());
      Thread.sleep(random.nextInt(30));
      controller.cut();
    }
    int commandsSent = commandSeq;
    // A ping is recorded before its handler returns and its result is written after: wait for the
    // results, not the pings, or the last result may still be on its way.
    await().atMost(Duration.ofSeconds(20)).until(() -> results(controller.stored()) == commandsSent
        && outbox.pendingCount() == 0 && controller.stored().size() == outbox.lastSeq());
    assertThat(pings).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, commandsSent).mapToObj(i -> "p" + i).toList());
    List<Long> seqs = controller.stored().stream().map(AgentMessage::getSeq).toList();
    assertThat(seqs).doesNotHaveDuplicates().isSorted().hasSize((int) outbox.lastSeq());

    // The last cut may come after everything was delivered, so the reconnect it forces can land
    // after the wait above: wait for it rather than count hellos at once.
    await().atMost(Duration.ofSeconds(20)).until(() -> controller.hellos().size() >= 31);
  }

  @Test
  void restart_agentWithUnsentEntries_sendsThemAfterRestartExactlyOnce() throws Exception {
    enrolledIdentity();
    controller.setAutoAck(false);
    startLink(FAST, Optional.empty());
    publishEvents(100);
    await().until(() -> controller.received().size() == 64);
    closeAgent(); // nothing acknowledged: all 100 still in the outbox
    link = null;
    controller.setAutoAck(true);
    openAgentState();
    assertThat(outbox.pendingCount()).isEqualTo(100);
    startLink(FAST, Optional.empty());
    await().until(() -> outbox.pendingCount() == 0);
    assertThat(controller.stored()).extracting(AgentMessage::getSeq).doesNotHaveDuplicates().hasSize(100);
    assertThat(controller.replays()).isZero();
  }

  @Test
  void outboxAppend_whileConnected_isSentWithoutWaitingForAnything() throws Exception {
    enrolledIdentity();
    startLink(FAST, Optional.empty());
    await().until(link::isConnected);
    outbox.append(EntryKind.EVENT, 0, AgentMessage.newBuilder()
        .setEvent(Event.newBuilder().setId("x").setKind("k").setMessage("late")).build().toByteArray());
    await().atMost(Duration.ofSeconds(2)).until(() -> eventMessages(controller.stored()).contains("late"));
  }
}

package dev.cairn.controller.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import dev.cairn.controller.api.CommandRequest;
import dev.cairn.controller.error.AccessDeniedException;
import dev.cairn.controller.error.ErrorCode;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.model.EventQuery;
import dev.cairn.controller.store.rocksdb.RocksControllerStore;
import dev.cairn.controller.testing.FakeClock;
import dev.cairn.controller.testing.RecordingChannel;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.ControllerMessage;
import dev.cairn.proto.v1.Event;
import dev.cairn.proto.v1.Hello;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DeviceService semantics (docs/protocol.md) on a real RocksDB store, with a recording channel. */
class DeviceServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T10:00:00Z"));
  private RocksControllerStore store;
  private DeviceService devices;
  private CommandService commands;
  private DesiredStateService desired;

  @BeforeEach
  void start() throws Exception {
    store = RocksControllerStore.open(dir, clock);
    DesiredStateResolver resolver = new DesiredStateResolver(store);
    devices = new DeviceService(store, resolver, new EventService(store, clock), clock,
        new DeviceMetrics(new MetricRegistry()), "test");
    commands = new CommandService(store, devices, clock);
    desired = new DesiredStateService(store, resolver, devices);
    store.nodes().update("n1", node -> node.withEnrollment(clock.instant(), "01"));
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private static AgentMessage hello(long applied, long lastCommandSeq) {
    return AgentMessage.newBuilder().setHello(Hello.newBuilder().setAgentVersion("1")
        .setAppliedVersion(applied).setLastCommandSeq(lastCommandSeq)).build();
  }

  private static AgentMessage event(long seq, String id) {
    return AgentMessage.newBuilder().setSeq(seq)
        .setEvent(Event.newBuilder().setId(id).setKind("alert.raised")).build();
  }

  private String queue(String kind, Long ttl) throws Exception {
    return commands.submit("n1", new CommandRequest(null, kind, null, ttl), "test").command().id();
  }

  @Test
  void receive_hello_welcomesWithLastAgentSeq() throws Exception {
    RecordingChannel first = new RecordingChannel();
    DeviceSession session = devices.open("n1", first);
    session.receive(hello(0, 0));
    session.receive(event(4, "e4"));
    session.closed();

    RecordingChannel second = new RecordingChannel();
    devices.open("n1", second).receive(hello(0, 0));

    ControllerMessage welcome = second.sent().get(0);
    assertThat(welcome.getWelcome().getNodeName()).isEqualTo("n1");
    assertThat(welcome.getWelcome().getLastAgentSeq()).isEqualTo(4);
  }

  @Test
  void receive_replayedSeq_isAckedButNotAppliedAgain() throws Exception {
    RecordingChannel channel = new RecordingChannel();
    DeviceSession session = devices.open("n1", channel);
    session.receive(hello(0, 0));
    session.receive(event(1, "e1"));
    session.receive(event(2, "e2"));
    session.receive(event(2, "e2"));
    session.receive(event(1, "e1"));

    assertThat(channel.acks()).extracting(m -> m.getAck().getUpToSeq()).containsExactly(1L, 2L, 2L, 2L);
    assertThat(store.events().query(new EventQuery("n1", "alert", null, 100))).hasSize(2);
  }

  @Test
  void receive_entryBeforeHello_isRejected() {
    DeviceSession session = devices.open("n1", new RecordingChannel());

    assertThatThrownBy(() -> session.receive(event(1, "e1")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("hello");
  }

  @Test
  void receive_entryWithoutSeq_isRejected() throws Exception {
    DeviceSession session = devices.open("n1", new RecordingChannel());
    session.receive(hello(0, 0));

    assertThatThrownBy(() -> session.receive(event(0, "e0")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("seq 0");
  }

  @Test
  void hello_lastCommandSeq_resumesDeliveryAfterIt() throws Exception {
    for (int i = 0; i < 5; i++) {
      queue("ping", null);
    }
    RecordingChannel channel = new RecordingChannel();
    devices.open("n1", channel).receive(hello(0, 3));

    assertThat(channel.commands()).extracting(ControllerMessage::getSeq).containsExactly(4L, 5L);
  }

  @Test
  void hello_lastCommandSeqBeyondTheQueue_laterCommandsGetSeqsAfterIt() throws Exception {
    queue("ping", null); // seq 1: the queue of a controller restored from an older backup ends here
    RecordingChannel channel = new RecordingChannel();
    devices.open("n1", channel).receive(hello(0, 50)); // the agent has seen commands up to seq 50

    String next = queue("ping", null);

    assertThat(store.commands().get(next).orElseThrow().seq()).isEqualTo(51);
    assertThat(channel.commands()).extracting(ControllerMessage::getSeq).containsExactly(51L);
    stop(); // and it lasts: the next controller start continues after it
    start();
    assertThat(store.commands().get(queue("ping", null)).orElseThrow().seq()).isEqualTo(52);
  }

  @Test
  void commandQueued_whileConnected_isSentAtOnceInOrder() throws Exception {
    RecordingChannel channel = new RecordingChannel();
    devices.open("n1", channel).receive(hello(0, 0));
    String first = queue("ping", null);
    String second = queue("report-health", null);

    assertThat(channel.commands()).extracting(m -> m.getCommand().getId()).containsExactly(first, second);
    assertThat(channel.commands().get(1).getCommand().hasReportHealth()).isTrue();
  }

  @Test
  void ack_commands_marksThemDelivered() throws Exception {
    String id = queue("ping", null);
    DeviceSession session = devices.open("n1", new RecordingChannel());
    session.receive(hello(0, 0));
    session.receive(AgentMessage.newBuilder()
        .setAck(dev.cairn.proto.v1.Ack.newBuilder().setUpToSeq(1)).build());

    assertThat(commands.get(id).status()).isEqualTo("delivered");
  }

  @Test
  void expiredCommand_isMarkedExpiredAndNotSent() throws Exception {
    String expiring = queue("ping", 60L);
    String lasting = queue("ping", null);
    clock.advance(Duration.ofSeconds(61));
    RecordingChannel channel = new RecordingChannel();
    devices.open("n1", channel).receive(hello(0, 0));

    assertThat(channel.commands()).extracting(m -> m.getCommand().getId()).containsExactly(lasting);
    assertThat(commands.get(expiring).status()).isEqualTo("expired");
  }

  @Test
  void expireOverdue_offlineNode_marksPendingExpired() throws Exception {
    String id = queue("ping", 10L);
    clock.advance(Duration.ofSeconds(11));

    assertThat(commands.expireOverdue()).isEqualTo(1);
    assertThat(commands.get(id).status()).isEqualTo("expired");
  }

  @Test
  void desiredChange_whileConnected_isPushedWithNewVersion() throws Exception {
    RecordingChannel channel = new RecordingChannel();
    devices.open("n1", channel).receive(hello(0, 0));
    desired.putNode("n1", JSON.readTree("{\"a\":1}"), "test");
    desired.putNode("n1", JSON.readTree("{\"a\":2}"), "test");

    assertThat(channel.desired()).hasSize(2);
    ControllerMessage last = channel.desired().get(1);
    assertThat(last.getDesiredState().getVersion()).isEqualTo(2);
    assertThat(Struct.parseFrom(last.getDesiredState().getSpec()).getFieldsOrThrow("a").getNumberValue()).isEqualTo(2);
  }

  @Test
  void hello_appliedVersionCurrent_sendsNoDesiredState() throws Exception {
    desired.putNode("n1", JSON.readTree("{\"a\":1}"), "test");
    RecordingChannel channel = new RecordingChannel();
    devices.open("n1", channel).receive(hello(1, 0));

    assertThat(channel.desired()).isEmpty();
  }

  @Test
  void hello_appliedVersionOlder_sendsOnlyNewestMergedWithGroups() throws Exception {
    desired.putGroup("site", JSON.readTree("{\"a\":1,\"b\":{\"x\":1,\"y\":1}}"), "test");
    desired.setGroups("n1", java.util.List.of("site"));
    desired.putNode("n1", JSON.readTree("{\"b\":{\"y\":2}}"), "test");
    RecordingChannel channel = new RecordingChannel();
    devices.open("n1", channel).receive(hello(1, 0));

    assertThat(channel.desired()).hasSize(1);
    var state = channel.desired().get(0).getDesiredState();
    assertThat(state.getVersion()).isEqualTo(3);
    assertThat(JSON.readTree(com.google.protobuf.util.JsonFormat.printer().print(Struct.parseFrom(state.getSpec()))))
        .isEqualTo(JSON.readTree("{\"a\":1.0,\"b\":{\"x\":1.0,\"y\":2.0}}")); // Struct numbers are doubles
  }

  @Test
  void hello_appliedVersionAboveCounter_nextChangeGetsAHigherVersion() throws Exception {
    RecordingChannel channel = new RecordingChannel();
    devices.open("n1", channel).receive(hello(50, 0));
    desired.putNode("n1", JSON.readTree("{\"a\":1}"), "test");

    assertThat(channel.desired()).hasSize(1);
    assertThat(channel.desired().get(0).getDesiredState().getVersion()).isEqualTo(51);
  }

  @Test
  void hello_receivedVersionAboveApplied_nextChangeGetsAVersionAboveTheReceivedOne() throws Exception {
    RecordingChannel channel = new RecordingChannel();
    // the agent received 60 and is still applying it, or restarted before it could
    devices.open("n1", channel).receive(AgentMessage.newBuilder().setHello(Hello.newBuilder().setAgentVersion("1")
        .setAppliedVersion(50).setReceivedVersion(60)).build());
    desired.putNode("n1", JSON.readTree("{\"a\":1}"), "test");

    assertThat(channel.desired()).extracting(m -> m.getDesiredState().getVersion()).containsExactly(61L);
  }

  @Test
  void open_secondStream_closesFirstAsSuperseded() throws Exception {
    RecordingChannel first = new RecordingChannel();
    devices.open("n1", first).receive(hello(0, 0));
    RecordingChannel second = new RecordingChannel();
    devices.open("n1", second).receive(hello(0, 0));
    queue("ping", null);

    assertThat(first.closedWith()).isEqualTo(ErrorCode.SUPERSEDED);
    assertThat(first.commands()).isEmpty();
    assertThat(second.commands()).hasSize(1);
    assertThat(devices.connectedCount()).isEqualTo(1);
  }

  @Test
  void revoked_connectedNode_isClosed() throws Exception {
    RecordingChannel channel = new RecordingChannel();
    devices.open("n1", channel).receive(hello(0, 0));
    devices.revoked("n1");

    assertThat(channel.closedWith()).isEqualTo(ErrorCode.REVOKED);
    assertThat(devices.connected("n1")).isFalse();
  }

  @Test
  void reenrolled_connectedNode_itsOldStreamIsClosed() throws Exception {
    RecordingChannel channel = new RecordingChannel();
    devices.open("n1", channel).receive(hello(0, 0));
    devices.reenrolled("n1");

    assertThat(channel.closedWith()).isEqualTo(ErrorCode.REVOKED);
    assertThat(devices.connected("n1")).isFalse();
  }

  @Test
  void hello_nodeRevokedAfterItsCertificateWasChecked_isRefused() {
    RecordingChannel channel = new RecordingChannel();
    DeviceSession session = devices.open("n1", channel); // the interceptor let it in
    store.nodes().update("n1", node -> node.withRevoked(clock.instant())); // revoked before its hello

    assertThatThrownBy(() -> session.receive(hello(0, 0))).isInstanceOf(AccessDeniedException.class)
        .extracting(e -> ((AccessDeniedException) e).code()).isEqualTo(ErrorCode.REVOKED);
    assertThat(channel.sent()).as("no welcome").isEmpty();
  }

  @Test
  void hello_countersFarBeyondThisController_areNotTakenOverAndAnEventSaysSo() throws Exception {
    RecordingChannel channel = new RecordingChannel();
    devices.open("n1", channel).receive(AgentMessage.newBuilder().setHello(Hello.newBuilder().setAgentVersion("1")
        .setAppliedVersion(Long.MAX_VALUE).setReceivedVersion(Long.MAX_VALUE).setLastCommandSeq(Long.MAX_VALUE))
        .build());
    desired.putNode("n1", JSON.readTree("{\"a\":1}"), "test");
    String command = queue("ping", null);

    // the fleet-wide counter goes on from where it was (that agent itself ignores low versions)
    assertThat(store.desired().currentVersion()).isEqualTo(1);
    assertThat(store.commands().get(command).orElseThrow().seq()).isEqualTo(1);
    assertThat(store.events().query(new EventQuery("n1", "node.counter-refused", null, 10))).hasSize(2);
  }

  @Test
  void putNode_documentNestedTooDeepForTheLink_isRefusedAndNothingIsStored() throws Exception {
    String deep = "{\"a\":".repeat(120) + "1" + "}".repeat(120);

    assertThatThrownBy(() -> desired.putNode("n1", JSON.readTree(deep), "test"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("100 levels");
    assertThatThrownBy(() -> desired.putGroup("site", JSON.readTree(deep), "test"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("group 'site'");

    assertThat(store.desired().currentVersion()).isZero();
  }

  @Test
  void putNode_documentLargerThanANodeTakes_isRefusedAndNothingIsStored() throws Exception {
    String big = "{\"blob\":\"" + "x".repeat(DesiredStateService.MAX_DOCUMENT_BYTES) + "\"}";

    assertThatThrownBy(() -> desired.putNode("n1", JSON.readTree(big), "test"))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("bytes, more than");

    assertThat(store.desired().currentVersion()).isZero();
  }

  @Test
  void receive_result_settlesCommandStatus() throws Exception {
    String id = queue("ping", null);
    DeviceSession session = devices.open("n1", new RecordingChannel());
    session.receive(hello(0, 0));
    session.receive(AgentMessage.newBuilder().setSeq(1).setResult(
        dev.cairn.proto.v1.CommandResult.newBuilder().setCommandId(id).setCommandSeq(1)
            .setOutcome(dev.cairn.proto.v1.Outcome.OUTCOME_OK).setMessage("pong")).build());

    assertThat(commands.get(id).status()).isEqualTo("ok");
    assertThat(commands.get(id).result().message()).isEqualTo("pong");
  }

  @Test
  void receive_resultWithDetails_readsThemAsTheStructTheyEncode() throws Exception {
    String id = queue("ping", null);
    DeviceSession session = devices.open("n1", new RecordingChannel());
    session.receive(hello(0, 0));
    Struct details = Struct.newBuilder().putFields("payload", com.google.protobuf.Value.newBuilder()
        .setStringValue("hello").build()).build();
    session.receive(AgentMessage.newBuilder().setSeq(1).setResult(
        dev.cairn.proto.v1.CommandResult.newBuilder().setCommandId(id).setCommandSeq(1)
            .setOutcome(dev.cairn.proto.v1.Outcome.OUTCOME_OK).setDetails(details.toByteString())).build());

    assertThat(commands.get(id).result().details()).isEqualTo(JSON.readTree("{\"payload\":\"hello\"}"));
  }

  @Test
  void receive_resultWhoseDetailsAreNotAStruct_isRejectedAndTheCommandStaysOpen() throws Exception {
    String id = queue("ping", null);
    DeviceSession session = devices.open("n1", new RecordingChannel());
    session.receive(hello(0, 0));
    AgentMessage damaged = AgentMessage.newBuilder().setSeq(1).setResult(
        dev.cairn.proto.v1.CommandResult.newBuilder().setCommandId(id).setCommandSeq(1)
            .setOutcome(dev.cairn.proto.v1.Outcome.OUTCOME_OK)
            .setDetails(com.google.protobuf.ByteString.copyFrom(new byte[] {0x0a, 0x05, 0x0a}))).build();

    assertThatThrownBy(() -> session.receive(damaged)).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not a google.protobuf.Struct's encoding");
    assertThat(commands.get(id).status()).isNotIn("ok", "failed", "changed");
  }
}

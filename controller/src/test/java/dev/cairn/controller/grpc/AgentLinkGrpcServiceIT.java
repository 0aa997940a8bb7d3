package dev.cairn.controller.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import dev.cairn.controller.RunningController;
import dev.cairn.controller.pki.CertificateAuthority;
import dev.cairn.controller.testing.RestClient;
import dev.cairn.controller.testing.SimulatedAgent;
import dev.cairn.controller.testing.TestControllers;
import dev.cairn.proto.v1.Ack;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.CommandResult;
import dev.cairn.proto.v1.DesiredStateApplied;
import dev.cairn.proto.v1.Outcome;
import dev.cairn.proto.v1.ControllerMessage;
import dev.cairn.proto.v1.HealthReport;
import dev.cairn.proto.v1.VolumeHealth;
import dev.cairn.proto.v1.VolumeStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrollment and the agent link over real Netty TLS on 127.0.0.1 with the controller's real CA. */
class AgentLinkGrpcServiceIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir Path dir;
  private RunningController controller;
  private RestClient admin;

  @BeforeEach
  void start() throws Exception {
    controller = TestControllers.start(dir.resolve("controller"));
    admin = new RestClient(controller.restUrl(), controller.adminToken());
  }

  @AfterEach
  void stop() throws Exception {
    controller.close();
  }

  private String enrollmentToken(String node) throws Exception {
    RestClient.Reply reply = admin.post("/api/v1/enrollment-tokens",
        node == null ? Map.of() : Map.of("node", node));
    assertThat(reply.status()).isEqualTo(201);
    return reply.body().get("token").asText();
  }

  private SimulatedAgent enrolled(String name) throws Exception {
    SimulatedAgent agent = new SimulatedAgent(name, controller.grpcTarget(), controller.caCertificate());
    agent.enroll(enrollmentToken(name));
    return agent;
  }

  @Test
  void connect_enrolledAgentReportsHealth_restShowsItConnectedWithHealth() throws Exception {
    try (SimulatedAgent agent = enrolled("node-a").connect()) {
      agent.hello(0, 0);
      ControllerMessage welcome = agent.await(ControllerMessage::hasWelcome, WAIT);
      assertThat(welcome.getWelcome().getNodeName()).isEqualTo("node-a");
      agent.send(AgentMessage.newBuilder().setSeq(1).setHealth(HealthReport.newBuilder()
          .addVolumes(VolumeHealth.newBuilder().setPath("/opt/ai-q/data").setUsedBytes(85)
              .setCapacityBytes(100).setFreeBytes(15).setStatus(VolumeStatus.VOLUME_STATUS_WARNING)))
          .build());
      ControllerMessage ack = agent.await(ControllerMessage::hasAck, WAIT);
      assertThat(ack.getAck().getUpToSeq()).isEqualTo(1);

      RestClient.Reply node = admin.get("/api/v1/nodes/node-a");
      assertThat(node.status()).isEqualTo(200);
      assertThat(node.body().get("connected").asBoolean()).isTrue();
      assertThat(node.body().get("agentVersion").asText()).isEqualTo("simulated-1");
      assertThat(node.body().at("/health/volumes/0/status").asText()).isEqualTo("warning");
      assertThat(node.body().at("/health/volumes/0/usedBytes").asLong()).isEqualTo(85);
    }
  }

  @Test
  void connect_twoAgents_bothShownConnected() throws Exception {
    try (SimulatedAgent a = enrolled("node-a").connect(); SimulatedAgent b = enrolled("node-b").connect()) {
      a.hello(0, 0);
      b.hello(0, 0);
      a.await(ControllerMessage::hasWelcome, WAIT);
      b.await(ControllerMessage::hasWelcome, WAIT);

      RestClient.Reply nodes = admin.get("/api/v1/nodes");
      assertThat(nodes.body().findValuesAsText("name")).containsExactly("node-a", "node-b");
      assertThat(nodes.body().findValues("connected")).allMatch(c -> c.asBoolean());
    }
  }

  @Test
  void connect_withoutClientCertificate_isUnauthenticated() throws Exception {
    try (SimulatedAgent anonymous =
        new SimulatedAgent("node-x", controller.grpcTarget(), controller.caCertificate()).connect()) {
      anonymous.hello(0, 0);
      assertThat(anonymous.awaitEnd(WAIT).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }
  }

  @Test
  void connect_certificateFromAnotherCa_isUnauthenticated() throws Exception {
    CertificateAuthority foreign = CertificateAuthority.loadOrCreate(dir.resolve("foreign"), Clock.systemUTC());
    KeyPair keys = SimulatedAgent.newKeyPair();
    X509Certificate cert = foreign.issueClient("node-a", keys.getPublic(), Duration.ofDays(1));
    enrolled("node-a").close();
    try (SimulatedAgent impostor = new SimulatedAgent("node-a", controller.grpcTarget(),
        controller.caCertificate()).withIdentity(keys, cert).connect()) {
      impostor.hello(0, 0);
      // One port with optional client auth: TLS lets the certificate through, the identity
      // interceptor checks it against the CA (docs/security.md).
      Status status = impostor.awaitEnd(WAIT);
      assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(status.getDescription()).contains("certificate");
      assertThat(admin.get("/api/v1/nodes/node-a").body().get("connected").asBoolean()).isFalse();
    }
  }

  @Test
  void revoke_connectedNode_closesStreamAndRefusesReconnect() throws Exception {
    SimulatedAgent agent = enrolled("node-r");
    agent.connect().hello(0, 0);
    agent.await(ControllerMessage::hasWelcome, WAIT);

    assertThat(admin.post("/api/v1/nodes/node-r/revoke", null).status()).isEqualTo(200);
    assertThat(agent.awaitEnd(WAIT).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    agent.disconnect();
    agent.connect().hello(0, 0);
    assertThat(agent.awaitEnd(WAIT).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(admin.get("/api/v1/nodes/node-r").body().get("revoked").asBoolean()).isTrue();
    agent.close();
  }

  @Test
  void enroll_reusedToken_isRefused() throws Exception {
    String token = enrollmentToken(null);
    new SimulatedAgent("node-1", controller.grpcTarget(), controller.caCertificate()).enroll(token);
    SimulatedAgent second = new SimulatedAgent("node-2", controller.grpcTarget(), controller.caCertificate());

    assertThatThrownBy(() -> second.enroll(token))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
          assertThat(e.getStatus().getDescription()).contains("already used");
        });
  }

  @Test
  void enroll_expiredToken_isRefused() throws Exception {
    String token = admin.post("/api/v1/enrollment-tokens", Map.of("ttlSeconds", 1)).body()
        .get("token").asText();
    Thread.sleep(1_200);
    SimulatedAgent agent = new SimulatedAgent("node-1", controller.grpcTarget(), controller.caCertificate());

    assertThatThrownBy(() -> agent.enroll(token))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
          assertThat(e.getStatus().getDescription()).contains("expired");
        });
  }

  @Test
  void enroll_tokenForAnotherNode_isRefused() throws Exception {
    String token = enrollmentToken("node-1");
    SimulatedAgent agent = new SimulatedAgent("node-2", controller.grpcTarget(), controller.caCertificate());

    assertThatThrownBy(() -> agent.enroll(token))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getDescription()).contains("node-1"));
  }

  @Test
  void enroll_again_supersedesTheOldCertificate() throws Exception {
    SimulatedAgent old = enrolled("node-e");
    SimulatedAgent renewed = enrolled("node-e");
    try (SimulatedAgent current = renewed.connect()) {
      current.hello(0, 0);
      current.await(ControllerMessage::hasWelcome, WAIT);
    }
    old.connect().hello(0, 0);
    assertThat(old.awaitEnd(WAIT).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    old.close();
  }

  @Test
  void commandAndDesiredState_roundTripOverTheStream() throws Exception {
    try (SimulatedAgent agent = enrolled("node-c").connect()) {
      agent.hello(0, 0);
      agent.await(ControllerMessage::hasWelcome, WAIT);
      assertThat(admin.put("/api/v1/nodes/node-c/groups", Map.of("groups", List.of("site"))).status())
          .isEqualTo(200);
      admin.put("/api/v1/groups/site/desired", Map.of("volumes", Map.of("pg", Map.of("path", "/opt/ai-q/pg"))));
      ControllerMessage desired = agent.await(m -> m.hasDesiredState()
          && specHas(m, "volumes"), WAIT);

      RestClient.Reply posted = admin.post("/api/v1/nodes/node-c/commands",
          Map.of("kind", "ping", "arguments", Map.of("payload", "hi")));
      assertThat(posted.status()).isEqualTo(201);
      String id = posted.body().get("id").asText();
      ControllerMessage command = agent.await(ControllerMessage::hasCommand, WAIT);
      assertThat(command.getCommand().getId()).isEqualTo(id);
      assertThat(command.getCommand().getPing().getPayload()).isEqualTo("hi");

      agent.send(AgentMessage.newBuilder().setAck(Ack.newBuilder().setUpToSeq(command.getSeq())).build());
      agent.send(AgentMessage.newBuilder().setSeq(1).setApplied(DesiredStateApplied.newBuilder()
          .setVersion(desired.getDesiredState().getVersion()).setOutcome(Outcome.OUTCOME_CHANGED)).build());
      agent.send(AgentMessage.newBuilder().setSeq(2).setResult(CommandResult.newBuilder()
          .setCommandId(id).setCommandSeq(command.getSeq()).setOutcome(Outcome.OUTCOME_OK)
          .setMessage("pong")).build());
      agent.await(m -> m.hasAck() && m.getAck().getUpToSeq() == 2, WAIT);

      RestClient.Reply result = admin.get("/api/v1/commands/" + id);
      assertThat(result.body().get("status").asText()).isEqualTo("ok");
      assertThat(result.body().at("/result/message").asText()).isEqualTo("pong");
      RestClient.Reply node = admin.get("/api/v1/nodes/node-c");
      assertThat(node.body().get("appliedVersion").asLong())
          .isEqualTo(node.body().get("desiredVersion").asLong())
          .isEqualTo(desired.getDesiredState().getVersion());
    }
  }

  private static boolean specHas(ControllerMessage message, String field) {
    try {
      return Struct.parseFrom(message.getDesiredState().getSpec()).containsFields(field);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError("the spec is not a Struct's encoding", e);
    }
  }
}

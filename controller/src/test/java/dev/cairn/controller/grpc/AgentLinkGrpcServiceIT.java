package dev.cairn.controller.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.controller.RunningController;
import dev.cairn.controller.testing.RestClient;
import dev.cairn.controller.testing.SimulatedAgent;
import dev.cairn.controller.testing.TestControllers;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.ControllerMessage;
import dev.cairn.proto.v1.HealthReport;
import dev.cairn.proto.v1.VolumeHealth;
import dev.cairn.proto.v1.VolumeStatus;
import io.grpc.Status;
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
}

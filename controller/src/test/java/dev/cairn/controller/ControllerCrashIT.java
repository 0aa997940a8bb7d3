package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.controller.testing.RestClient;
import dev.cairn.controller.testing.SimulatedAgent;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.ControllerMessage;
import dev.cairn.proto.v1.Event;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of a controller process while it acknowledges writes (REST commands, desired state,
 * agent outbox entries): after a restart on the same data directory every acknowledged write is
 * there.
 */
class ControllerCrashIT {
  @TempDir Path dir;

  @Test
  void sigkillDuringWrites_restart_keepsEveryAcknowledgedWrite() throws Exception {
    Path data = dir.resolve("data");
    int rest = freePort();
    Path config = dir.resolve("controller.yml");
    Files.writeString(config, String.join("\n",
        "dataDir: " + data,
        "grpc:",
        "  port: " + freePort(),
        "logging:",
        "  level: WARN",
        "server:",
        "  applicationConnectors:",
        "    - {type: http, bindHost: 127.0.0.1, port: " + rest + "}",
        "  adminConnectors:",
        "    - {type: http, bindHost: 127.0.0.1, port: " + freePort() + "}",
        ""));
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        ControllerApplication.class.getName(), "server", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
    Set<String> ackedCommands = newConcurrentSet();
    List<Long> ackedDesiredVersions = new java.util.concurrent.CopyOnWriteArrayList<>();
    long maxAckedSeq;
    String caFingerprintBefore;
    try {
      RestClient admin = awaitRest(URI.create("http://127.0.0.1:" + rest), data.resolve("admin.token"), child);
      RestClient.Reply token = admin.post("/api/v1/enrollment-tokens", Map.of("node", "crash-node"));
      caFingerprintBefore = token.body().get("caFingerprint").asText();
      java.security.cert.X509Certificate ca = dev.cairn.controller.pki.Certificates.certificateFromPem(
          Files.readString(data.resolve("ca/ca.crt")));
      SimulatedAgent agent = new SimulatedAgent("crash-node", token.body().get("grpcTarget").asText(), ca);
      agent.enroll(token.body().get("token").asText());
      agent.connect().hello(0, 0);
      agent.await(ControllerMessage::hasWelcome, Duration.ofSeconds(10));

      AtomicBoolean running = new AtomicBoolean(true);
      Thread commands = new Thread(() -> {
        for (int i = 0; running.get(); i++) {
          try {
            RestClient.Reply reply = admin.post("/api/v1/nodes/crash-node/commands",
                Map.of("id", "cmd-" + i, "kind", "ping"));
            if (reply.status() == 201) {
              ackedCommands.add("cmd-" + i);
            }
            if (i % 10 == 0) {
              RestClient.Reply desired = admin.put("/api/v1/nodes/crash-node/desired", Map.of("round", i));
              if (desired.status() == 200) {
                ackedDesiredVersions.add(desired.body().get("version").asLong());
              }
            }
          } catch (IOException | InterruptedException e) {
            return; // the controller died mid-request: this write was never acknowledged
          }
        }
      });
      Thread entries = new Thread(() -> {
        for (long seq = 1; running.get() && seq <= 5_000; seq++) {
          try {
            agent.send(AgentMessage.newBuilder().setSeq(seq).setEvent(Event.newBuilder()
                .setId("ev-" + seq).setKind("test.crash").setMessage("entry " + seq)).build());
            Thread.sleep(1);
          } catch (RuntimeException | InterruptedException e) {
            return;
          }
        }
      });
      commands.start();
      entries.start();
      Thread.sleep(2_500);
      child.destroyForcibly(); // SIGKILL
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      running.set(false);
      commands.join(30_000);
      entries.join(30_000);
      maxAckedSeq = agent.received().stream().filter(ControllerMessage::hasAck)
          .mapToLong(m -> m.getAck().getUpToSeq()).max().orElse(0);
      agent.close();

      System.out.printf("acknowledged before SIGKILL: %d commands, %d desired-state versions, agent entries up to seq %d%n",
          ackedCommands.size(), ackedDesiredVersions.size(), maxAckedSeq);
      assertThat(ackedCommands).as("commands acknowledged before the kill").hasSizeGreaterThan(5);
      assertThat(maxAckedSeq).as("agent entries acknowledged before the kill").isGreaterThan(5);

      ControllerConfiguration restart = ControllerLauncher.read(config).withHttpPorts(0, 0);
      restart.getGrpc().setPort(0);
      try (RunningController controller = ControllerLauncher.start(restart)) {
        RestClient after = new RestClient(controller.restUrl(), controller.adminToken());
        assertThat(controller.caFingerprint()).isEqualTo(caFingerprintBefore);
        for (String id : ackedCommands) {
          assertThat(after.get("/api/v1/commands/" + id).status()).as(id).isEqualTo(200);
        }
        List<Long> seqs = after.get("/api/v1/nodes/crash-node/commands?limit=1000").body()
            .findValues("seq").stream().map(n -> n.asLong()).sorted().toList();
        assertThat(seqs).as("queue positions are gap-free").isEqualTo(
            java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList());
        long storedVersion = after.get("/api/v1/nodes/crash-node/desired").body().get("version").asLong();
        assertThat(storedVersion).isGreaterThanOrEqualTo(
            ackedDesiredVersions.stream().mapToLong(Long::longValue).max().orElse(0));

        Set<String> events = new HashSet<>(after.get(
            "/api/v1/events?node=crash-node&kind=test.crash&limit=1000").body().findValuesAsText("id"));
        for (long seq = 1; seq <= Math.min(maxAckedSeq, 1000); seq++) {
          assertThat(events).as("acknowledged entry " + seq).contains("ev-" + seq);
        }
        SimulatedAgent again = new SimulatedAgent("crash-node", controller.grpcTarget(),
            controller.caCertificate()).withIdentity(agent.keys(), agent.certificate());
        again.connect().hello(0, 0);
        ControllerMessage welcome = again.await(ControllerMessage::hasWelcome, Duration.ofSeconds(10));
        assertThat(welcome.getWelcome().getLastAgentSeq()).isGreaterThanOrEqualTo(maxAckedSeq);
        again.close();
      }
    } finally {
      child.destroyForcibly();
    }
  }

  private static Set<String> newConcurrentSet() {
    return java.util.concurrent.ConcurrentHashMap.newKeySet();
  }

  private static RestClient awaitRest(URI base, Path tokenFile, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new AssertionError("The controller process exited with " + child.exitValue());
      }
      if (Files.exists(tokenFile)) {
        RestClient client = new RestClient(base, Files.readString(tokenFile).trim());
        try {
          if (client.get("/api/v1/nodes").status() == 200) {
            return client;
          }
        } catch (IOException e) {
          // not listening yet
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("The controller process did not start within 90 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

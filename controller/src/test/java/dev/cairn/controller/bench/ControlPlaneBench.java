package dev.cairn.controller.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.cairn.controller.pki.Certificates;
import dev.cairn.controller.testing.RestClient;
import dev.cairn.controller.testing.SimulatedAgent;
import dev.cairn.proto.v1.AgentLinkGrpc;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.ControllerMessage;
import dev.cairn.proto.v1.EnrollRequest;
import dev.cairn.proto.v1.EnrollmentGrpc;
import dev.cairn.proto.v1.HealthReport;
import dev.cairn.proto.v1.Hello;
import dev.cairn.proto.v1.VolumeHealth;
import dev.cairn.proto.v1.VolumeStatus;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The control-plane benchmark (run by {@code bench/control-plane.sh}, not a test): enrolls N
 * simulated agents against a controller running in another process, opens one mutual-TLS stream
 * each, then measures (1) how long one group desired-state change takes to reach every connected
 * agent, (2) health-report → ack latency with every agent reporting at once, and (3) the
 * controller's RSS. Each agent has its own channel (TLS connection): a node's identity is its
 * client certificate, which belongs to the connection, so streams of different nodes cannot share
 * one. All channels share one 2-thread event loop and one executor, so the client stays light.
 *
 * <p>Arguments: {@code REST_URL ADMIN_TOKEN_FILE CA_CERT_FILE CONTROLLER_PID AGENTS ROUNDS}.
 */
public final class ControlPlaneBench {
  private ControlPlaneBench() {}

  /** One simulated agent's stream and the receive times the bench measures. */
  static final class BenchAgent {
    final String name;
    final KeyPair keys = SimulatedAgent.newKeyPair();
    X509Certificate certificate;
    ManagedChannel channel;
    StreamObserver<AgentMessage> outbound;
    final CountDownLatch welcomed = new CountDownLatch(1);
    volatile long desiredVersion;
    volatile long desiredArrival;
    volatile long ackArrival;
    volatile CountDownLatch ackLatch;
    final AtomicInteger ended = new AtomicInteger();

    BenchAgent(String name) throws Exception {
      this.name = name;
    }

    void onMessage(ControllerMessage message) {
      long now = System.nanoTime();
      if (message.hasWelcome()) {
        welcomed.countDown();
      } else if (message.hasDesiredState() && message.getDesiredState().getVersion() > desiredVersion) {
        desiredArrival = now;
        desiredVersion = message.getDesiredState().getVersion();
      } else if (message.hasAck() && ackLatch != null && ackArrival == 0) {
        ackArrival = now;
        ackLatch.countDown();
      }
    }
  }

  public static void main(String[] args) throws Exception {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    int exit = 0;
    try {
      run(args);
    } catch (Throwable t) {
      t.printStackTrace();
      exit = 1;
    }
    System.exit(exit); // the shared event loop and pools must not keep the JVM alive

  }

  private static void run(String[] args) throws Exception {
    URI rest = URI.create(args[0]);
    String token = Files.readString(Path.of(args[1])).trim();
    X509Certificate ca = Certificates.certificateFromPem(Files.readString(Path.of(args[2])));
    long controllerPid = Long.parseLong(args[3]);
    int count = Integer.parseInt(args[4]);
    int rounds = Integer.parseInt(args[5]);
    RestClient admin = new RestClient(rest, token);
    NioEventLoopGroup loop = new NioEventLoopGroup(2);
    ExecutorService executor = Executors.newFixedThreadPool(4);
    ExecutorService setup = Executors.newFixedThreadPool(8);

    List<BenchAgent> agents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      agents.add(new BenchAgent(String.format("bench-%05d", i)));
    }
    long rssIdle = rssKib(controllerPid);

    // Enrollment: one server-authenticated channel for all; tokens from the REST API.
    long t0 = System.nanoTime();
    ManagedChannel enrollChannel = NettyChannelBuilder.forTarget(grpcTarget(admin))
        .sslContext(GrpcSslContexts.forClient().trustManager(ca).build())
        .overrideAuthority("localhost").build();
    EnrollmentGrpc.EnrollmentBlockingStub enroll = EnrollmentGrpc.newBlockingStub(enrollChannel);
    runAll(setup, agents, agent -> {
      JsonNode answer = admin.post("/api/v1/enrollment-tokens", Map.of("node", agent.name)).body();
      byte[] cert = enroll.withDeadlineAfter(60, TimeUnit.SECONDS).enroll(EnrollRequest.newBuilder()
          .setToken(answer.get("token").asText()).setNodeName(agent.name)
          .setCsrDer(ByteString.copyFrom(SimulatedAgent.csr(agent.keys, agent.name))).build())
          .getCertificateDer().toByteArray();
      agent.certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(cert));
      admin.put("/api/v1/nodes/" + agent.name + "/groups", Map.of("groups", List.of("bench")));
    });
    enrollChannel.shutdownNow();
    double enrollSeconds = seconds(System.nanoTime() - t0);

    // Streams: one TLS connection per agent (its own certificate), shared event loop.
    t0 = System.nanoTime();
    String target = grpcTarget(admin);
    runAll(setup, agents, agent -> {
      agent.channel = NettyChannelBuilder.forTarget(target)
          .sslContext(GrpcSslContexts.forClient().trustManager(ca)
              .keyManager(agent.keys.getPrivate(), agent.certificate).build())
          .overrideAuthority("localhost")
          .eventLoopGroup(loop).channelType(NioSocketChannel.class).executor(executor)
          .build();
      agent.outbound = AgentLinkGrpc.newStub(agent.channel).connect(new StreamObserver<>() {
        @Override
        public void onNext(ControllerMessage message) {
          agent.onMessage(message);
        }

        @Override
        public void onError(Throwable t) {
          agent.ended.incrementAndGet();
        }

        @Override
        public void onCompleted() {
          agent.ended.incrementAndGet();
        }
      });
      synchronized (agent) {
        agent.outbound.onNext(AgentMessage.newBuilder().setHello(Hello.newBuilder()
            .setAgentVersion("bench")).build());
      }
      if (!agent.welcomed.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException(agent.name + " got no welcome");
      }
    });
    double connectSeconds = seconds(System.nanoTime() - t0);
    int connected = admin.get("/api/v1/nodes").body().findValues("connected").stream()
        .mapToInt(c -> c.asBoolean() ? 1 : 0).sum();
    long rssConnected = rssKib(controllerPid);

    // Desired-state fan-out: one group PUT, time until every agent has the new version.
    List<double[]> desiredRounds = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      long version = admin.put("/api/v1/groups/bench/desired",
          Map.of("round", round, "volumes", Map.of("pg", Map.of("path", "/opt/ai-q/pg")))).body()
          .get("version").asLong();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (agents.stream().anyMatch(a -> a.desiredVersion < version) && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      boolean all = agents.stream().allMatch(a -> a.desiredVersion >= version);
      desiredRounds.add(latencies(agents, start, a -> a.desiredVersion >= version ? a.desiredArrival : 0, all));
    }

    // Outbox entries: every agent sends one health report at once; time until its ack.
    List<double[]> ackRounds = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      CountDownLatch latch = new CountDownLatch(count);
      for (BenchAgent agent : agents) {
        agent.ackArrival = 0;
        agent.ackLatch = latch;
      }
      long start = System.nanoTime();
      long seq = round + 1;
      for (BenchAgent agent : agents) {
        synchronized (agent) {
          agent.outbound.onNext(AgentMessage.newBuilder().setSeq(seq).setHealth(HealthReport.newBuilder()
              .addVolumes(VolumeHealth.newBuilder().setPath("/opt/ai-q/pg").setUsedBytes(seq)
                  .setCapacityBytes(100).setFreeBytes(100 - seq).setStatus(VolumeStatus.VOLUME_STATUS_OK)))
              .build());
        }
      }
      boolean all = latch.await(120, TimeUnit.SECONDS);
      ackRounds.add(latencies(agents, start, a -> a.ackArrival, all));
    }
    long rssAfter = rssKib(controllerPid);
    long hwm = hwmKib(controllerPid);

    System.out.println();
    System.out.println("Control plane: " + count + " simulated agents, one controller (-Xmx1g), this machine");
    System.out.printf("%-52s %s%n", "measure", "value");
    System.out.printf("%-52s %d / %d%n", "streams connected (REST 'connected')", connected, count);
    System.out.printf("%-52s %.1f s%n", "enroll all (token + CSR + groups)", enrollSeconds);
    System.out.printf("%-52s %.1f s%n", "open all streams (TLS + hello -> welcome)", connectSeconds);
    for (int i = 0; i < desiredRounds.size(); i++) {
      double[] d = desiredRounds.get(i);
      System.out.printf("%-52s all %.0f ms  p50 %.0f ms  p99 %.0f ms  (%d/%d)%n",
          "desired-state change -> every agent, round " + (i + 1), d[2], d[0], d[1], (int) d[3], count);
    }
    for (int i = 0; i < ackRounds.size(); i++) {
      double[] d = ackRounds.get(i);
      System.out.printf("%-52s all %.0f ms  p50 %.0f ms  p99 %.0f ms  (%d/%d)%n",
          "health report -> ack, all agents at once, round " + (i + 1), d[2], d[0], d[1], (int) d[3], count);
    }
    System.out.printf("%-52s %d MiB%n", "controller RSS before agents", rssIdle / 1024);
    System.out.printf("%-52s %d MiB%n", "controller RSS, all streams open", rssConnected / 1024);
    System.out.printf("%-52s %d MiB (peak %d MiB)%n", "controller RSS after the rounds", rssAfter / 1024, hwm / 1024);
    int ended = agents.stream().mapToInt(a -> a.ended.get()).sum();
    System.out.printf("%-52s %d%n", "streams that ended during the run", ended);

    for (BenchAgent agent : agents) {
      agent.channel.shutdownNow();
    }
    setup.shutdownNow();
    executor.shutdownNow();
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  /** {p50, p99, max, count} in milliseconds of the arrivals after {@code start}. */
  private static double[] latencies(List<BenchAgent> agents, long start,
      java.util.function.ToLongFunction<BenchAgent> arrival, boolean all) {
    long[] values = agents.stream().mapToLong(arrival).filter(t -> t != 0).map(t -> t - start).sorted().toArray();
    if (values.length == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN, 0};
    }
    return new double[] {
        values[(int) Math.min(values.length - 1, Math.floor(values.length * 0.50))] / 1e6,
        values[(int) Math.min(values.length - 1, Math.floor(values.length * 0.99))] / 1e6,
        all ? values[values.length - 1] / 1e6 : Double.POSITIVE_INFINITY,
        values.length};
  }

  private interface AgentTask {
    void run(BenchAgent agent) throws Exception;
  }

  private static void runAll(ExecutorService pool, List<BenchAgent> agents, AgentTask task) throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    for (BenchAgent agent : agents) {
      futures.add(pool.submit(() -> {
        task.run(agent);
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
  }

  private static String grpcTarget(RestClient admin) throws Exception {
    return admin.post("/api/v1/enrollment-tokens", Map.of("ttlSeconds", 1)).body()
        .get("grpcTarget").asText();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static long rssKib(long pid) throws Exception {
    return statusKib(pid, "VmRSS:");
  }

  private static long hwmKib(long pid) throws Exception {
    return statusKib(pid, "VmHWM:");
  }

  private static long statusKib(long pid, String key) throws Exception {
    return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
        .filter(line -> line.startsWith(key))
        .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
        .findFirst().orElse(-1L);
  }

}

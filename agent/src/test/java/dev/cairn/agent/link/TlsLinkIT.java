package dev.cairn.agent.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.agent.command.CommandRegistry;
import dev.cairn.agent.command.CommandService;
import dev.cairn.agent.desired.DesiredStateService;
import dev.cairn.agent.outbox.BudgetListener;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.agent.outbox.OutboxOptions;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrollment and the agent link over real TLS on 127.0.0.1, against a test CA and the fake controller. */
class TlsLinkIT {

  @TempDir Path dir;
  private Server server;
  private final List<String> clientNames = new CopyOnWriteArrayList<>();

  /** Starts a TLS server whose certificate chain is [leaf, CA] of {@code ca}, asking for client certificates. */
  private FakeController startServer(TestCa ca) throws Exception {
    FakeController controller = new FakeController(ca);
    KeyPair serverKey = TestCa.newKey();
    X509Certificate serverCertificate = ca.server(serverKey.getPublic());
    ServerInterceptor recordClient = new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
          ServerCallHandler<Q, A> next) {
        SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        try {
          clientNames.add(NodeIdentity.commonName((X509Certificate) session.getPeerCertificates()[0]));
        } catch (Exception e) {
          clientNames.add("(none)");
        }
        return next.startCall(call, headers);
      }
    };
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .sslContext(GrpcSslContexts.configure(SslContextBuilder.forServer(serverKey.getPrivate(), serverCertificate,
                ca.certificate))
            .trustManager(ca.certificate).clientAuth(ClientAuth.OPTIONAL).build())
        .addService(controller.enrollment())
        .addService(ServerInterceptors.intercept(controller.agentLink(), recordClient))
        .build().start();
    return controller;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.shutdownNow();
    }
  }

  /** An agent's outbox, command service, desired state and link, started; closed in reverse order. */
  private record LinkUnderTest(Outbox outbox, CommandService commands, DesiredStateService desired, AgentLink link)
      implements AutoCloseable {

    static LinkUnderTest start(Path dir, ChannelFactory channels, IdentityStore store, LinkOptions options)
        throws Exception {
      Clock clock = Clock.systemUTC();
      Outbox outbox = Outbox.open(dir.resolve("outbox"), OutboxOptions.DEFAULTS, clock, BudgetListener.NONE);
      CommandService commands = CommandService.start(dir.resolve("commands"), CommandRegistry.builder().build(),
          outbox, new EventPublisher(outbox, clock), clock);
      DesiredStateService desired = DesiredStateService.start(dir.resolve("desired"), outbox, List.of(), clock);
      AgentLink link = new AgentLink(new AgentLink.Parts(channels, store, Optional.empty(), outbox, commands, desired,
          options, clock, "test", "host", new Random()));
      link.start();
      return new LinkUnderTest(outbox, commands, desired, link);
    }

    @Override
    public void close() throws Exception {
      link.close();
      desired.close();
      commands.close();
      outbox.close();
    }
  }

  private String target() {
    return "127.0.0.1:" + server.getPort();
  }

  @Test
  void enroll_pinnedFingerprint_storesAPrivateKeyAndIdentityThenConnectsWithMutualTls() throws Exception {
    TestCa ca = TestCa.create("controller-ca");
    FakeController controller = startServer(ca);
    controller.addToken("token-1");
    IdentityStore store = new IdentityStore(dir.resolve("identity"));
    TlsChannelFactory channels = new TlsChannelFactory(target(), LinkOptions.DEFAULTS);

    NodeIdentity identity = new EnrollmentClient(channels, store, LinkOptions.DEFAULTS)
        .enroll("token-1", ca.fingerprint(), "node-a", "test");

    assertThat(identity.nodeName()).isEqualTo("node-a");
    assertThat(Files.getPosixFilePermissions(dir.resolve("identity").resolve(IdentityStore.KEY_FILE)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(store.load()).hasValueSatisfying(loaded -> assertThat(loaded.certificate())
        .isEqualTo(identity.certificate()));

    try (LinkUnderTest agent = LinkUnderTest.start(dir, channels, store, LinkOptions.DEFAULTS)) {
      AgentLink link = agent.link();
      await().atMost(Duration.ofSeconds(10)).until(link::isConnected);
      assertThat(clientNames).contains("node-a");
    }
  }

  @Test
  void enroll_wrongFingerprint_refusesTheControllerAndStoresNoIdentity() throws Exception {
    TestCa ca = TestCa.create("controller-ca");
    FakeController controller = startServer(ca);
    controller.addToken("token-1");
    IdentityStore store = new IdentityStore(dir.resolve("identity"));
    CaFingerprint wrong = TestCa.create("impostor").fingerprint();

    assertThatThrownBy(() -> new EnrollmentClient(new TlsChannelFactory(target(), LinkOptions.DEFAULTS), store,
        LinkOptions.DEFAULTS).enroll("token-1", wrong, "node-a", "test"))
        .isInstanceOf(EnrollmentException.class)
        .hasMessageContaining("does not contain the CA with fingerprint " + wrong)
        .satisfies(e -> assertThat(((EnrollmentException) e).permanent()).isTrue());
    assertThat(store.load()).isEmpty();
  }

  @Test
  void enroll_unknownToken_isAPermanentRefusalThatSaysToAskForANewToken() throws Exception {
    TestCa ca = TestCa.create("controller-ca");
    startServer(ca);
    assertThatThrownBy(() -> new EnrollmentClient(new TlsChannelFactory(target(), LinkOptions.DEFAULTS),
        new IdentityStore(dir.resolve("identity")), LinkOptions.DEFAULTS)
        .enroll("never-issued", ca.fingerprint(), "node-a", "test"))
        .isInstanceOf(EnrollmentException.class)
        .hasMessageContaining("refused the enrollment token")
        .hasMessageContaining("ask an admin for a new one");
  }

  @Test
  void connect_serverCertificateFromAnotherCa_isNeverTrusted() throws Exception {
    TestCa pinned = TestCa.create("pinned-ca");
    TestCa foreign = TestCa.create("foreign-ca");
    FakeController impostor = startServer(foreign);
    IdentityStore store = new IdentityStore(dir.resolve("identity"));
    store.save(pinned.client(store.loadOrCreateKey().getPublic(),
        new javax.security.auth.x500.X500Principal("CN=node-a")), pinned.certificate);
    LinkOptions fast = LinkOptions.DEFAULTS.withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));

    try (LinkUnderTest agent = LinkUnderTest.start(dir, new TlsChannelFactory(target(), fast), store, fast)) {
      AgentLink link = agent.link();
      await().atMost(Duration.ofSeconds(10)).until(() -> link.sessionsStarted() >= 3);
      assertThat(link.isConnected()).isFalse();
      assertThat(impostor.hellos()).isEmpty();
      assertThat(clientNames).isEmpty();
    }
  }
}

package dev.cairn.controller.testing;

import com.google.protobuf.ByteString;
import dev.cairn.proto.v1.AgentLinkGrpc;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.ControllerMessage;
import dev.cairn.proto.v1.EnrollRequest;
import dev.cairn.proto.v1.EnrollResponse;
import dev.cairn.proto.v1.EnrollmentGrpc;
import dev.cairn.proto.v1.Hello;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A test double of an agent (the real agent lives in the agent module): generates its key,
 * enrolls with a CSR, and opens {@code AgentLink.Connect} over mutual TLS. Received messages are
 * queued for the test to inspect; stream end is recorded with its status.
 */
public final class SimulatedAgent implements AutoCloseable {
  private final String name;
  private final String target;
  private final X509Certificate trusted;
  private KeyPair keys;
  private X509Certificate certificate;
  private ManagedChannel channel;
  private StreamObserver<AgentMessage> outbound;
  private final BlockingQueue<ControllerMessage> received = new LinkedBlockingQueue<>();
  private final AtomicReference<Status> ended = new AtomicReference<>();

  public SimulatedAgent(String name, String target, X509Certificate trusted) {
    this.name = name;
    this.target = target;
    this.trusted = trusted;
  }

  public String name() {
    return name;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public KeyPair keys() {
    return keys;
  }

  /** Uses an existing identity (e.g. a certificate from a foreign CA). */
  public SimulatedAgent withIdentity(KeyPair keyPair, X509Certificate cert) {
    this.keys = keyPair;
    this.certificate = cert;
    return this;
  }

  public static KeyPair newKeyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  public static byte[] csr(KeyPair keyPair, String commonName) throws Exception {
    return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + commonName),
        keyPair.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate()))
        .getEncoded();
  }

  /** Enrolls over server-authenticated TLS; throws StatusRuntimeException when refused. */
  public EnrollResponse enroll(String token) throws Exception {
    keys = newKeyPair();
    return enroll(token, csr(keys, name));
  }

  public EnrollResponse enroll(String token, byte[] csr) throws Exception {
    ManagedChannel enrollChannel = channel(GrpcSslContexts.forClient().trustManager(trusted).build());
    try {
      EnrollResponse response = EnrollmentGrpc.newBlockingStub(enrollChannel)
          .withDeadlineAfter(30, TimeUnit.SECONDS)
          .enroll(EnrollRequest.newBuilder()
              .setToken(token)
              .setNodeName(name)
              .setCsrDer(ByteString.copyFrom(csr))
              .setAgentVersion("simulated-1")
              .build());
      certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(response.getCertificateDer().toByteArray()));
      return response;
    } finally {
      enrollChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Opens the stream with mutual TLS (or without a client certificate if none is set). */
  public SimulatedAgent connect() throws Exception {
    SslContextBuilder ssl = GrpcSslContexts.forClient().trustManager(trusted);
    if (certificate != null) {
      ssl.keyManager(keys.getPrivate(), certificate);
    }
    channel = channel(ssl.build());
    connectOn(channel);
    return this;
  }

  /** Opens the stream on a channel owned by the caller (many agents per channel in benches). */
  public void connectOn(ManagedChannel shared) {
    ended.set(null);
    outbound = AgentLinkGrpc.newStub(shared)
        .withDeadlineAfter(24, TimeUnit.HOURS)
        .connect(new StreamObserver<>() {
          @Override
          public void onNext(ControllerMessage message) {
            received.add(message);
          }

          @Override
          public void onError(Throwable t) {
            ended.set(Status.fromThrowable(t));
          }

          @Override
          public void onCompleted() {
            ended.set(Status.OK);
          }
        });
  }

  public ManagedChannel channel(SslContext ssl) {
    String[] hostPort = target.split(":");
    return NettyChannelBuilder.forAddress(hostPort[0], Integer.parseInt(hostPort[1]))
        .sslContext(ssl)
        .overrideAuthority("localhost")
        .build();
  }

  public SslContext clientSsl() throws Exception {
    return GrpcSslContexts.forClient().trustManager(trusted)
        .keyManager(keys.getPrivate(), certificate).build();
  }

  public void send(AgentMessage message) {
    synchronized (this) {
      outbound.onNext(message);
    }
  }

  public void hello(long appliedVersion, long lastCommandSeq) {
    send(AgentMessage.newBuilder()
        .setHello(Hello.newBuilder()
            .setAgentVersion("simulated-1")
            .setHostname(name + ".test")
            .setAppliedVersion(appliedVersion)
            .setLastCommandSeq(lastCommandSeq))
        .build());
  }

  /** The next received message matching {@code filter}; earlier non-matching ones are dropped. */
  public ControllerMessage await(Predicate<ControllerMessage> filter, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      ControllerMessage message = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (message == null) {
        throw new AssertionError("No matching message from the controller within " + timeout
            + (ended.get() == null ? "" : "; the stream ended with " + ended.get()));
      }
      if (filter.test(message)) {
        return message;
      }
    }
  }

  /** Messages received so far and not yet consumed by {@link #await}. */
  public BlockingQueue<ControllerMessage> received() {
    return received;
  }

  /** Waits for the stream to end and returns its status. */
  public Status awaitEnd(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ended.get() == null && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    if (ended.get() == null) {
      throw new AssertionError("The stream did not end within " + timeout);
    }
    return ended.get();
  }

  public Status endStatus() {
    return ended.get();
  }

  /** Half-closes the stream and drops the channel, like an agent going away. */
  public void disconnect() throws InterruptedException {
    if (outbound != null) {
      try {
        outbound.onCompleted();
      } catch (RuntimeException e) {
        // already gone
      }
    }
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      channel = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    disconnect();
  }
}

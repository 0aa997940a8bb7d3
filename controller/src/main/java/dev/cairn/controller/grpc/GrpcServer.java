package dev.cairn.controller.grpc;

import dev.cairn.controller.GrpcConfiguration;
import dev.cairn.controller.pki.CertificateAuthority;
import dev.cairn.controller.pki.ServerIdentity;
import dev.cairn.controller.service.DeviceService;
import io.dropwizard.lifecycle.Managed;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent-facing gRPC server: one TLS port presenting the chain [server certificate, CA
 * certificate] (so that an agent not yet enrolled can find the CA and check its fingerprint) (client certificate optional at the TLS layer,
 * required by {@link IdentityInterceptor} for {@code AgentLink}). Started and stopped with the
 * Dropwizard lifecycle.
 */
public final class GrpcServer implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);
  private static final Duration SERVER_CERTIFICATE_VALIDITY = Duration.ofDays(825);
  private static final int EXECUTOR_THREADS = 32;

  private final GrpcConfiguration config;
  private final CertificateAuthority authority;
  private final BindableService enrollment;
  private final BindableService agentLink;
  private final IdentityInterceptor identity;
  private final DeviceService devices;
  private volatile Server server;
  private ExecutorService executor;

  public GrpcServer(GrpcConfiguration config, CertificateAuthority authority,
      BindableService enrollment, BindableService agentLink, IdentityInterceptor identity,
      DeviceService devices) {
    this.config = config;
    this.authority = authority;
    this.enrollment = enrollment;
    this.agentLink = agentLink;
    this.identity = identity;
    this.devices = devices;
  }

  @Override
  public void start() throws IOException {
    ServerIdentity serverIdentity =
        authority.issueServer(config.certificateNames(), SERVER_CERTIFICATE_VALIDITY);
    SslContext ssl = GrpcSslContexts.configure(SslContextBuilder
            .forServer(serverIdentity.key(), serverIdentity.certificate(), authority.certificate()))
        .trustManager(authority.certificate())
        .clientAuth(ClientAuth.OPTIONAL)
        .build();
    // Bounded: handlers block only on synced store writes, which RocksDB groups into shared
    // fsyncs; a fixed pool keeps thousands of streams from becoming thousands of threads.
    AtomicInteger threads = new AtomicInteger();
    executor = Executors.newFixedThreadPool(EXECUTOR_THREADS, runnable -> {
      Thread thread = new Thread(runnable, "cairn-grpc-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server = NettyServerBuilder
        .forAddress(new InetSocketAddress(config.getBindHost(), config.getPort()))
        .executor(executor)
        .sslContext(ssl)
        .keepAliveTime(config.getKeepAliveTime().toMilliseconds(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(config.getKeepAliveTimeout().toMilliseconds(), TimeUnit.MILLISECONDS)
        .permitKeepAliveTime(config.getPermitKeepAliveTime().toMilliseconds(), TimeUnit.MILLISECONDS)
        .permitKeepAliveWithoutCalls(true)
        .maxConnectionAge(config.getMaxConnectionAge().toMilliseconds(), TimeUnit.MILLISECONDS)
        .maxConnectionAgeGrace(config.getMaxConnectionAgeGrace().toMilliseconds(), TimeUnit.MILLISECONDS)
        .addService(enrollment)
        .addService(ServerInterceptors.intercept(agentLink, identity))
        .build()
        .start();
    LOG.info("gRPC server listening on {}:{} (CA {})", config.getBindHost(), port(),
        authority.fingerprint());
  }

  /** The bound port (the configured one, or the one chosen for port 0); -1 before start. */
  public int port() {
    Server current = server;
    return current == null ? -1 : current.getPort();
  }

  public boolean running() {
    Server current = server;
    return current != null && !current.isShutdown() && !current.isTerminated();
  }

  @Override
  public void stop() throws InterruptedException {
    Server current = server;
    if (current == null) {
      return;
    }
    current.shutdown();
    devices.stop();
    if (!current.awaitTermination(5, TimeUnit.SECONDS)) {
      current.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    executor.shutdownNow();
    LOG.info("gRPC server stopped");
  }
}

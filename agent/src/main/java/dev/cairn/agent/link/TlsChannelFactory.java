package dev.cairn.agent.link;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManager;

/**
 * Netty channels over TLS to {@code host:port}. Uses the JDK's TLS provider (no native OpenSSL:
 * smaller footprint, and the trust decision stays in {@link PinnedCaTrustManager}). Keepalive as
 * in {@link LinkOptions}. Immutable.
 */
public final class TlsChannelFactory implements ChannelFactory {

  private final String target;
  private final LinkOptions options;

  public TlsChannelFactory(String target, LinkOptions options) {
    this.target = target;
    this.options = options;
  }

  @Override
  public ManagedChannel enrollment(CaFingerprint fingerprint) throws IOException {
    return build(context(PinnedCaTrustManager.forFingerprint(fingerprint), null));
  }

  @Override
  public ManagedChannel agentLink(NodeIdentity identity) throws IOException {
    return build(context(PinnedCaTrustManager.forCa(identity.ca()), identity));
  }

  @Override
  public String target() {
    return target;
  }

  private static SslContext context(TrustManager trust, NodeIdentity identity) throws IOException {
    SslContextBuilder builder = GrpcSslContexts.configure(SslContextBuilder.forClient(), SslProvider.JDK)
        .trustManager(trust);
    if (identity != null) {
      builder.keyManager(identity.key(), identity.certificate());
    }
    return builder.build();
  }

  private ManagedChannel build(SslContext context) {
    return NettyChannelBuilder.forTarget(target)
        .sslContext(context)
        .keepAliveTime(options.keepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(options.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .maxInboundMessageSize(16 * 1024 * 1024)
        .build();
  }
}

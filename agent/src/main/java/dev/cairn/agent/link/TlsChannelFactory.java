package dev.cairn.agent.link;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManager;

/**
 * Netty channels over TLS to {@code host:port}. Uses the JDK's TLS provider (no native OpenSSL:
 * smaller footprint, and the trust decision stays in {@link PinnedCaTrustManager}). Keepalive as
 * in {@link LinkOptions}. All channels share one NIO event-loop thread of this factory (an agent
 * has one stream; gRPC's default group would start a thread per channel, up to twice the cores,
 * and load Netty's native epoll transport). {@link #close()} stops that thread. Thread-safe.
 */
public final class TlsChannelFactory implements ChannelFactory, Closeable {

  private final String target;
  private final LinkOptions options;
  private final EventLoopGroup eventLoop =
      new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("cairn-grpc", true), NioIoHandler.newFactory());

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
        .eventLoopGroup(eventLoop)
        .channelType(NioSocketChannel.class)
        .sslContext(context)
        .keepAliveTime(options.keepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(options.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .maxInboundMessageSize(16 * 1024 * 1024)
        .build();
  }

  /** Stops the event-loop thread (after the channels were shut down). */
  @Override
  public void close() {
    eventLoop.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
  }
}

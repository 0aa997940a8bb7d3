package dev.cairn.agent.link;

import io.grpc.ManagedChannel;
import io.grpc.okhttp.OkHttpChannelBuilder;
import java.io.Closeable;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * OkHttp channels over TLS to {@code host:port}, with the JDK's TLS (the trust decision stays in
 * {@link PinnedCaTrustManager}). Keepalive as in {@link LinkOptions}. OkHttp's transport is much
 * smaller than Netty's (a blocking socket and one reader thread per connection instead of an event
 * loop and its pipeline): the idle agent loads about 900 classes fewer. Thread-safe.
 */
public final class TlsChannelFactory implements ChannelFactory, Closeable {

  private static final char[] NO_PASSWORD = new char[0];

  private final String target;
  private final LinkOptions options;

  public TlsChannelFactory(String target, LinkOptions options) {
    this.target = target;
    this.options = options;
  }

  @Override
  public ManagedChannel enrollment(CaFingerprint fingerprint) throws IOException {
    return build(sockets(PinnedCaTrustManager.forFingerprint(fingerprint), null));
  }

  @Override
  public ManagedChannel agentLink(NodeIdentity identity) throws IOException {
    return build(sockets(PinnedCaTrustManager.forCa(identity.ca()), identity));
  }

  @Override
  public String target() {
    return target;
  }

  private static SSLSocketFactory sockets(TrustManager trust, NodeIdentity identity) throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLSv1.3");
      context.init(identity == null ? null : keyManagers(identity), new TrustManager[] {trust}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS for the link to the controller: " + e.getMessage(), e);
    }
  }

  private static KeyManager[] keyManagers(NodeIdentity identity) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("node", identity.key(), NO_PASSWORD, new Certificate[] {identity.certificate()});
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, NO_PASSWORD);
    return factory.getKeyManagers();
  }

  private ManagedChannel build(SSLSocketFactory sockets) {
    return OkHttpChannelBuilder.forTarget(target)
        .sslSocketFactory(sockets)
        .keepAliveTime(options.keepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(options.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .maxInboundMessageSize(16 * 1024 * 1024)
        .build();
  }

  /** Nothing of its own to stop: the channels' threads end with the channels. */
  @Override
  public void close() {
  }
}

package dev.cairn.controller.grpc;

import dev.cairn.controller.error.ErrorCode;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.pki.CertificateAuthority;
import dev.cairn.controller.pki.Certificates;
import dev.cairn.controller.store.NodeStore;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Authenticates agent calls by their TLS client certificate: the node name is the certificate's
 * CN, put into the gRPC {@link Context} as {@link NodeIdentity#NODE}. No certificate →
 * {@code UNAUTHENTICATED}; a certificate this CA did not sign or of an unknown node →
 * {@code UNAUTHENTICATED}; a revoked node, or a certificate replaced by a later enrollment →
 * {@code PERMISSION_DENIED}. No message field is ever used as identity.
 */
public final class IdentityInterceptor implements ServerInterceptor {
  private static final ServerCall.Listener<?> NOOP = new ServerCall.Listener<Object>() {};

  private final CertificateAuthority authority;
  private final NodeStore nodes;

  public IdentityInterceptor(CertificateAuthority authority, NodeStore nodes) {
    this.authority = authority;
    this.nodes = nodes;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    Optional<X509Certificate> certificate = peerCertificate(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
    if (certificate.isEmpty()) {
      return refuse(call, Status.UNAUTHENTICATED.withDescription(
          "A client certificate is required; enroll the agent first"));
    }
    if (!authority.signed(certificate.get())) {
      return refuse(call, Status.UNAUTHENTICATED.withDescription(
          "The client certificate was not issued by this controller's CA"));
    }
    String name = Certificates.commonName(certificate.get());
    Optional<NodeRecord> node = name == null ? Optional.empty() : nodes.get(name);
    if (node.isEmpty() || !node.get().enrolled()) {
      return refuse(call, Status.UNAUTHENTICATED.withDescription("Unknown node '" + name + "'"));
    }
    if (node.get().revoked()) {
      return refuse(call, ErrorCode.REVOKED.grpcStatus("Node '" + name + "' is revoked"));
    }
    if (!Certificates.serial(certificate.get()).equals(node.get().certificateSerial())) {
      return refuse(call, ErrorCode.REVOKED.grpcStatus("This certificate of node '" + name
          + "' was replaced by a later enrollment"));
    }
    Context context = Context.current().withValue(NodeIdentity.NODE, name);
    return Contexts.interceptCall(context, call, headers, next);
  }

  private static Optional<X509Certificate> peerCertificate(SSLSession session) {
    if (session == null) {
      return Optional.empty();
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate x509
          ? Optional.of(x509) : Optional.empty();
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private static <ReqT, RespT> ServerCall.Listener<ReqT> refuse(
      ServerCall<ReqT, RespT> call, Status status) {
    call.close(status, new Metadata());
    return (ServerCall.Listener<ReqT>) NOOP;
  }
}

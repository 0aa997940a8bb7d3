package dev.cairn.agent.link;

import com.google.protobuf.ByteString;
import dev.cairn.proto.v1.EnrollRequest;
import dev.cairn.proto.v1.EnrollResponse;
import dev.cairn.proto.v1.EnrollmentGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolls the node: makes (once) its EC P-256 key, sends a PKCS#10 CSR with the one-time token
 * over TLS that trusts only the CA with the pinned fingerprint, checks the answer (CA fingerprint,
 * our public key, CA signature) and stores certificate and CA atomically. Thread-safe.
 */
public final class EnrollmentClient {

  private static final Logger LOG = LoggerFactory.getLogger(EnrollmentClient.class);

  private final ChannelFactory channels;
  private final IdentityStore store;
  private final LinkOptions options;

  public EnrollmentClient(ChannelFactory channels, IdentityStore store, LinkOptions options) {
    this.channels = channels;
    this.store = store;
    this.options = options;
  }

  /**
   * Enrolls as {@code nodeName} with {@code token}.
   *
   * @throws EnrollmentException if the controller refused, or its answer is not trustworthy
   * @throws IOException if the controller could not be reached or the identity not stored (retry)
   */
  public NodeIdentity enroll(String token, CaFingerprint fingerprint, String nodeName, String agentVersion)
      throws EnrollmentException, IOException {
    KeyPair key = store.loadOrCreateKey();
    EnrollRequest request = EnrollRequest.newBuilder()
        .setToken(token)
        .setNodeName(nodeName)
        .setCsrDer(ByteString.copyFrom(csr(key, nodeName)))
        .setAgentVersion(agentVersion)
        .build();
    ManagedChannel channel = channels.enrollment(fingerprint);
    EnrollResponse response;
    try {
      response = EnrollmentGrpc.newBlockingStub(channel)
          .withDeadlineAfter(options.enrollDeadline().toMillis(), TimeUnit.MILLISECONDS)
          .enroll(request);
    } catch (StatusRuntimeException e) {
      refuse(e, fingerprint);
      throw new IllegalStateException("unreachable");
    } finally {
      channel.shutdownNow();
    }
    NodeIdentity identity = verify(response, key, fingerprint);
    store.save(identity.certificate(), identity.ca());
    LOG.info("link: enrolled as node '{}' with controller {}", identity.nodeName(), channels.target());
    return identity;
  }

  private static byte[] csr(KeyPair key, String nodeName) throws IOException {
    try {
      return CertificationRequest.build(key, nodeName);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot sign the certificate request: " + e.getMessage(), e);
    }
  }

  private void refuse(StatusRuntimeException e, CaFingerprint fingerprint) throws EnrollmentException, IOException {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.security.cert.CertificateException) {
        throw new EnrollmentException("the controller at " + channels.target() + " is not trusted: "
            + cause.getMessage(), true, e);
      }
    }
    Status.Code code = e.getStatus().getCode();
    String detail = e.getStatus().getDescription() == null ? "" : " (" + e.getStatus().getDescription() + ")";
    switch (code) {
      case UNAUTHENTICATED -> throw new EnrollmentException("the controller refused the enrollment token" + detail
          + ": it is unknown, already used or expired; ask an admin for a new one (cairn fleet enroll-token create --node NAME)"
          + " and put it in the agent's configuration", true, e);
      case INVALID_ARGUMENT, PERMISSION_DENIED, ALREADY_EXISTS, FAILED_PRECONDITION -> throw new EnrollmentException(
          "the controller refused to enroll this node" + detail + "; check the node name and the token", true, e);
      default -> throw new IOException("cannot reach the controller at " + channels.target() + " to enroll ("
          + code + detail + "); if this persists check the address and that the CA fingerprint is " + fingerprint, e);
    }
  }

  private static NodeIdentity verify(EnrollResponse response, KeyPair key, CaFingerprint fingerprint)
      throws EnrollmentException, IOException {
    List<X509Certificate> node = IdentityStore.readCertificates(response.getCertificateDer().toByteArray());
    List<X509Certificate> ca = IdentityStore.readCertificates(response.getCaCertificateDer().toByteArray());
    if (node.size() != 1 || ca.size() != 1) {
      throw new EnrollmentException("the controller's enrollment answer does not hold one certificate and one CA"
          + " certificate", true, null);
    }
    if (!fingerprint.matches(ca.get(0))) {
      throw new EnrollmentException("the CA certificate the controller sent has fingerprint " + CaFingerprint.of(ca.get(0))
          + ", not the pinned " + fingerprint + "; refusing it", true, null);
    }
    if (!node.get(0).getPublicKey().equals(key.getPublic())) {
      throw new EnrollmentException("the certificate the controller sent is not for this node's key", true, null);
    }
    try {
      node.get(0).verify(ca.get(0).getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new EnrollmentException("the certificate the controller sent is not signed by its CA", true, e);
    }
    return new NodeIdentity(key.getPrivate(), node.get(0), ca.get(0));
  }
}

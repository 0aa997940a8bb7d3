package dev.cairn.controller.service;

import dev.cairn.controller.api.EnrollmentTokenRequest;
import dev.cairn.controller.api.EnrollmentTokenView;
import dev.cairn.controller.error.AccessDeniedException;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.error.ErrorCode;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.model.EnrollmentTokenRecord;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.pki.CertificateAuthority;
import dev.cairn.controller.pki.CertificateRequests;
import dev.cairn.controller.pki.Certificates;
import dev.cairn.controller.store.ControllerStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Enrollment: admins create one-time, expiring tokens; an agent spends one with a CSR for a key
 * it generated and receives its client certificate and the CA certificate (docs/security.md).
 */
public final class EnrollmentService {
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);
  public static final Duration MAX_TTL = Duration.ofDays(30);

  private final ControllerStore store;
  private final DeviceService devices;
  private final CertificateAuthority authority;
  private final Supplier<String> grpcTarget;
  private final EventService events;
  private final DeviceMetrics metrics;
  private final Clock clock;
  private final Duration certificateValidity;

  /** What an agent receives: its certificate and the CA certificate to pin. */
  public record Enrolled(String node, X509Certificate certificate, X509Certificate authority) {}

  public EnrollmentService(ControllerStore store, CertificateAuthority authority, DeviceService devices,
      Supplier<String> grpcTarget, EventService events, DeviceMetrics metrics, Clock clock,
      Duration certificateValidity) {
    this.store = store;
    this.devices = devices;
    this.authority = authority;
    this.grpcTarget = grpcTarget;
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
    this.certificateValidity = certificateValidity;
  }

  public EnrollmentTokenView createToken(EnrollmentTokenRequest request, String actor)
      throws InvalidRequestException {
    String node = request == null || request.node() == null ? null : Names.node(request.node());
    Duration ttl = request == null || request.ttlSeconds() == null
        ? DEFAULT_TTL : Duration.ofSeconds(request.ttlSeconds());
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
      throw new InvalidRequestException("ttlSeconds must be between 1 and " + MAX_TTL.toSeconds());
    }
    String secret = TokenService.newSecret("cairn-enroll_");
    Instant now = clock.instant();
    EnrollmentTokenRecord record = new EnrollmentTokenRecord(TokenService.newId(),
        TokenService.hash(secret), node, now, now.plus(ttl), actor, null, null);
    store.enrollmentTokens().create(record);
    return new EnrollmentTokenView(record.id(), secret, node, record.expiresAt(),
        authority.fingerprint(), grpcTarget.get());
  }

  /**
   * Spends the token and signs the CSR. Refused (ENROLLMENT_REFUSED) for an unknown, used or
   * expired token, a name the token does not allow, or a name already enrolled with a token that
   * names no node; INVALID_REQUEST for a bad name or CSR.
   */
  public synchronized Enrolled enroll(String secret, String nodeName, byte[] csrDer,
      String agentVersion) throws ControllerException {
    String node = Names.node(nodeName);
    String hash = TokenService.hash(secret == null ? "" : secret);
    EnrollmentTokenRecord token = store.enrollmentTokens().findByHash(hash)
        .orElseThrow(() -> refused("The enrollment token is unknown"));
    Instant now = clock.instant();
    if (token.used()) {
      throw refused("The enrollment token was already used; ask an admin for a new one");
    }
    if (!now.isBefore(token.expiresAt())) {
      throw refused("The enrollment token expired at " + token.expiresAt()
          + "; ask an admin for a new one");
    }
    if (token.node() != null && !token.node().equals(node)) {
      throw refused("The enrollment token is for node '" + token.node() + "', not '" + node + "'");
    }
    Optional<NodeRecord> existing = store.nodes().get(node);
    if (token.node() == null && existing.isPresent() && existing.get().enrolled()) {
      throw refused("Node '" + node + "' is already enrolled; re-enrolling it takes a token "
          + "created for that node name");
    }
    PublicKey key = CertificateRequests.verify(csrDer, node);
    if (!store.enrollmentTokens().markUsed(hash, node, now)) {
      throw refused("The enrollment token was already used; ask an admin for a new one");
    }
    X509Certificate certificate = authority.issueClient(node, key, certificateValidity);
    OptionalLong inventory = store.inventory().applied();
    NodeRecord enrolled = store.nodes().update(node, record -> {
      NodeRecord updated = record.withEnrollment(now, Certificates.serial(certificate));
      return inventory.isPresent() && !updated.inventory().listed()
          && !updated.inventory().orphaned()
          ? updated.withInventory(updated.inventory().asFlagged(now)) : updated;
    });
    devices.reenrolled(node); // before the agent has its new certificate, so only an old stream is ended
    metrics.enrolled();
    events.raise(node, "node.enrolled", "info",
        "Enrolled" + (agentVersion.isEmpty() ? "" : " (agent " + agentVersion + ")"),
        Map.of("tokenId", token.id(), "serial", Certificates.serial(certificate)), true);
    if (inventory.isPresent() && !enrolled.inventory().listed()) {
      // Matched by name: a node the applied inventory does not list is flagged, not refused.
      events.raise(node, "node.not-in-inventory", "warning", "Enrolled, but inventory version "
          + inventory.getAsLong() + " does not list '" + node + "'; add it to the inventory or "
          + "retire it", Map.of("version", Long.toString(inventory.getAsLong())), true);
    }
    return new Enrolled(node, certificate, authority.certificate());
  }

  private static AccessDeniedException refused(String message) {
    return new AccessDeniedException(ErrorCode.ENROLLMENT_REFUSED, message);
  }
}

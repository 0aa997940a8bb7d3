package dev.cairn.controller.resources;

import dev.cairn.controller.api.ErrorBody;
import dev.cairn.controller.auth.ApiPrincipal;
import dev.cairn.controller.model.AuditRecord;
import dev.cairn.controller.service.AuditService;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.security.Principal;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one audit entry (durably, before the response leaves) for every mutating API request,
 * refused ones included: who, what, when, and the outcome.
 */
public final class AuditFilter implements ContainerResponseFilter {
  private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
  private static final Set<String> MUTATING = Set.of("POST", "PUT", "DELETE", "PATCH");

  private final AuditService audit;
  private final Clock clock;

  public AuditFilter(AuditService audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The client's address: the connection's peer (set by {@link PeerAddressFilter}), and what an
   * {@code X-Forwarded-For} header claims, marked as such (any client can send one).
   */
  static String remoteAddress(ContainerRequestContext request) {
    Object peer = request.getProperty(PeerAddressFilter.PROPERTY);
    String forwarded = request.getHeaderString("X-Forwarded-For");
    if (forwarded == null) {
      return peer == null ? null : peer.toString();
    }
    return (peer == null ? "unknown" : peer) + " (X-Forwarded-For: " + forwarded.trim() + ", as the client says)";
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!MUTATING.contains(request.getMethod())) {
      return;
    }
    Principal principal = request.getSecurityContext() == null
        ? null : request.getSecurityContext().getUserPrincipal();
    String role = principal instanceof ApiPrincipal api ? api.role().wireName() : null;
    String outcome = response.getEntity() instanceof ErrorBody error ? error.error() : "ok";
    String detail = response.getEntity() instanceof ErrorBody error ? error.message() : null;
    String remote = remoteAddress(request);
    try {
      audit.record(new AuditRecord(0, clock.instant(),
          principal == null ? "anonymous" : principal.getName(), role,
          request.getMethod() + " /" + request.getUriInfo().getPath(), response.getStatus(),
          outcome, detail, remote));
    } catch (RuntimeException e) {
      LOG.error("Could not write the audit entry of {} {}", request.getMethod(),
          request.getUriInfo().getPath(), e);
      throw e;
    }
  }
}

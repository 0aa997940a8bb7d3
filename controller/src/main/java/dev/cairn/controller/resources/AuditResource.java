package dev.cairn.controller.resources;

import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.model.AuditRecord;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.service.AuditService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/v1/audit?since=&limit=} (admin): the audit log, oldest first. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public final class AuditResource {
  private final AuditService audit;

  public AuditResource(AuditService audit) {
    this.audit = audit;
  }

  @GET
  public List<AuditRecord> list(@QueryParam("since") String since,
      @QueryParam("limit") @DefaultValue("100") int limit) throws ControllerException {
    return audit.list(Callers.instant(since, "since"), limit);
  }
}

package dev.cairn.controller.resources;

import dev.cairn.controller.api.EnrollmentTokenRequest;
import dev.cairn.controller.api.EnrollmentTokenView;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.service.EnrollmentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST /api/v1/enrollment-tokens} (admin): a one-time token for enrolling an agent. */
@Path("/api/v1/enrollment-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public final class EnrollmentTokensResource {
  private final EnrollmentService enrollment;

  public EnrollmentTokensResource(EnrollmentService enrollment) {
    this.enrollment = enrollment;
  }

  @POST
  public Response create(EnrollmentTokenRequest request, @Context SecurityContext security)
      throws ControllerException {
    EnrollmentTokenView token = enrollment.createToken(request, Callers.actor(security));
    return Response.status(Response.Status.CREATED).entity(token).build();
  }
}

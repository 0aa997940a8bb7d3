package dev.cairn.controller.resources;

import dev.cairn.controller.api.ApiTokenRequest;
import dev.cairn.controller.api.ApiTokenView;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.service.TokenService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** {@code /api/v1/tokens} (admin): API tokens for operators and tools. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public final class ApiTokensResource {
  private final TokenService tokens;

  public ApiTokensResource(TokenService tokens) {
    this.tokens = tokens;
  }

  @POST
  public Response create(ApiTokenRequest request, @Context SecurityContext security)
      throws ControllerException {
    return Response.status(Response.Status.CREATED)
        .entity(tokens.create(request, Callers.actor(security)))
        .build();
  }

  @GET
  public List<ApiTokenView> list() {
    return tokens.list();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) throws ControllerException {
    tokens.delete(id);
    return Response.noContent().build();
  }
}

package dev.cairn.controller.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.controller.api.DesiredView;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.service.DesiredStateService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/v1/nodes/{name}/desired}: a node's own desired state (admin writes), with its effective state. */
@Path("/api/v1/nodes/{name}/desired")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public final class NodeDesiredResource {
  private final DesiredStateService desired;

  public NodeDesiredResource(DesiredStateService desired) {
    this.desired = desired;
  }

  @GET
  public DesiredView getNode(@PathParam("name") String name) throws ControllerException {
    return desired.getNode(name);
  }

  @PUT
  @RolesAllowed(Role.ADMIN_NAME)
  public DesiredView putNode(@PathParam("name") String name, JsonNode spec,
      @Context SecurityContext security) throws ControllerException {
    return desired.putNode(name, spec, Callers.actor(security));
  }
}

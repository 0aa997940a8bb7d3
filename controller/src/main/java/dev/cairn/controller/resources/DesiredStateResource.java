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

/** Desired state per node ({@code /api/v1/nodes/{name}/desired}) and per group. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public final class DesiredStateResource {
  private final DesiredStateService desired;

  public DesiredStateResource(DesiredStateService desired) {
    this.desired = desired;
  }

  @GET
  @Path("nodes/{name}/desired")
  public DesiredView getNode(@PathParam("name") String name) throws ControllerException {
    return desired.getNode(name);
  }

  @PUT
  @Path("nodes/{name}/desired")
  @RolesAllowed(Role.ADMIN_NAME)
  public DesiredView putNode(@PathParam("name") String name, JsonNode spec,
      @Context SecurityContext security) throws ControllerException {
    return desired.putNode(name, spec, Callers.actor(security));
  }

  @GET
  @Path("groups/{group}/desired")
  public DesiredView getGroup(@PathParam("group") String group) throws ControllerException {
    return desired.getGroup(group);
  }

  @PUT
  @Path("groups/{group}/desired")
  @RolesAllowed(Role.ADMIN_NAME)
  public DesiredView putGroup(@PathParam("group") String group, JsonNode spec,
      @Context SecurityContext security) throws ControllerException {
    return desired.putGroup(group, spec, Callers.actor(security));
  }
}

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

/** {@code /api/v1/groups/{group}/desired}: a group's desired state (admin writes). */
@Path("/api/v1/groups/{group}/desired")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public final class GroupDesiredResource {
  private final DesiredStateService desired;

  public GroupDesiredResource(DesiredStateService desired) {
    this.desired = desired;
  }

  @GET
  public DesiredView getGroup(@PathParam("group") String group) throws ControllerException {
    return desired.getGroup(group);
  }

  @PUT
  @RolesAllowed(Role.ADMIN_NAME)
  public DesiredView putGroup(@PathParam("group") String group, JsonNode spec,
      @Context SecurityContext security) throws ControllerException {
    return desired.putGroup(group, spec, Callers.actor(security));
  }
}

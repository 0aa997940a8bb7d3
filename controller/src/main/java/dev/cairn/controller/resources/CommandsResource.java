package dev.cairn.controller.resources;

import dev.cairn.controller.api.CommandView;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.service.CommandService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/commands/{id}}: a command's status and result (viewer). */
@Path("/api/v1/commands")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public final class CommandsResource {
  private final CommandService commands;

  public CommandsResource(CommandService commands) {
    this.commands = commands;
  }

  @GET
  @Path("{id}")
  public CommandView get(@PathParam("id") String id) throws ControllerException {
    return commands.get(id);
  }
}

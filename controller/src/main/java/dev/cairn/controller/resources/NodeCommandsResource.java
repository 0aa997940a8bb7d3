package dev.cairn.controller.resources;

import dev.cairn.controller.api.CommandRequest;
import dev.cairn.controller.api.CommandView;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.service.CommandService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;

/** {@code /api/v1/nodes/{name}/commands}: queue a command for a node (operator), list its commands. */
@Path("/api/v1/nodes/{name}/commands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public final class NodeCommandsResource {
  private final CommandService commands;

  public NodeCommandsResource(CommandService commands) {
    this.commands = commands;
  }

  /** 201 with the new command; 200 with the first one when its id was posted before. */
  @POST
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response submit(@PathParam("name") String node, CommandRequest request,
      @Context SecurityContext security) throws ControllerException {
    CommandService.Submitted submitted = commands.submit(node, request, Callers.actor(security));
    Response.ResponseBuilder response = submitted.created()
        ? Response.created(URI.create("/api/v1/commands/" + submitted.command().id()))
        : Response.ok();
    return response.entity(submitted.command()).build();
  }

  @GET
  public List<CommandView> forNode(@PathParam("name") String node,
      @QueryParam("limit") @DefaultValue("100") int limit) throws ControllerException {
    return commands.recent(node, limit);
  }
}

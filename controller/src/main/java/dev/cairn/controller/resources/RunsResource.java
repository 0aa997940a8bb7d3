package dev.cairn.controller.resources;

import dev.cairn.controller.api.RunRequest;
import dev.cairn.controller.api.RunView;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.service.RunService;
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
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** {@code /api/v1/runs}: start a fleet run (operator), follow runs (viewer). */
@Path("/api/v1/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public final class RunsResource {
  private final RunService runs;

  public RunsResource(RunService runs) {
    this.runs = runs;
  }

  @POST
  @RolesAllowed(Role.OPERATOR_NAME)
  public Response start(RunRequest request, @Context SecurityContext security)
      throws ControllerException, IOException {
    RunView run = runs.start(request, Callers.actor(security));
    return Response.created(URI.create("/api/v1/runs/" + run.id())).entity(run).build();
  }

  @GET
  public List<RunView> list(@QueryParam("limit") @DefaultValue("50") int limit) {
    return runs.list(limit);
  }

  @GET
  @Path("{id}")
  public RunView get(@PathParam("id") String id) throws ControllerException {
    return runs.get(id);
  }
}

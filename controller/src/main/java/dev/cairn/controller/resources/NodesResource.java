package dev.cairn.controller.resources;

import dev.cairn.controller.api.DesiredView;
import dev.cairn.controller.api.GroupsRequest;
import dev.cairn.controller.api.NodeView;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.service.DesiredStateService;
import dev.cairn.controller.service.NodeFilter;
import dev.cairn.controller.service.NodeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code /api/v1/nodes}: the fleet's nodes, filters, their groups, revocation, retirement. */
@Path("/api/v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public final class NodesResource {
  private final NodeService nodes;
  private final DesiredStateService desired;

  public NodesResource(NodeService nodes, DesiredStateService desired) {
    this.nodes = nodes;
    this.desired = desired;
  }

  /**
   * {@code ?stale=true}, {@code ?failing-backups=true}, {@code ?capacity=critical} (or the same
   * as {@code ?filter=stale,failing-backups,capacity-critical}) keep nodes for which every filter
   * holds; {@code ?retired=true} includes retired nodes.
   */
  @GET
  public List<NodeView> list(@QueryParam("filter") String filter,
      @QueryParam("stale") @DefaultValue("false") boolean stale,
      @QueryParam("failing-backups") @DefaultValue("false") boolean failingBackups,
      @QueryParam("capacity") String capacity,
      @QueryParam("retired") @DefaultValue("false") boolean retired) throws ControllerException {
    Set<NodeFilter> filters = EnumSet.noneOf(NodeFilter.class);
    filters.addAll(NodeFilter.parse(filter));
    if (stale) {
      filters.add(NodeFilter.STALE);
    }
    if (failingBackups) {
      filters.add(NodeFilter.FAILING_BACKUPS);
    }
    if (capacity != null && !capacity.isBlank()) {
      if (!capacity.strip().equals("critical")) {
        throw new InvalidRequestException("capacity must be 'critical' (nodes with a volume whose "
            + "capacity status is critical), not '" + capacity + "'");
      }
      filters.add(NodeFilter.CAPACITY_CRITICAL);
    }
    return nodes.list(filters, retired);
  }

  @GET
  @Path("{name}")
  public NodeView get(@PathParam("name") String name) throws ControllerException {
    return nodes.get(name);
  }

  @PUT
  @Path("{name}/groups")
  @RolesAllowed(Role.ADMIN_NAME)
  public DesiredView setGroups(@PathParam("name") String name, GroupsRequest request)
      throws ControllerException {
    if (request == null) {
      throw new InvalidRequestException("Body must be {\"groups\": [\"name\", ...]}");
    }
    return desired.setGroups(name, request.groups());
  }

  @POST
  @Path("{name}/retire")
  @RolesAllowed(Role.ADMIN_NAME)
  public NodeView retire(@PathParam("name") String name, @Context SecurityContext security)
      throws ControllerException {
    return nodes.retire(name, Callers.actor(security));
  }

  @POST
  @Path("{name}/revoke")
  @RolesAllowed(Role.ADMIN_NAME)
  public NodeView revoke(@PathParam("name") String name, @Context SecurityContext security)
      throws ControllerException {
    return nodes.revoke(name, Callers.actor(security));
  }
}

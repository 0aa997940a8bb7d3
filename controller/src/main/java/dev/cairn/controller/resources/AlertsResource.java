package dev.cairn.controller.resources;

import dev.cairn.controller.api.AlertView;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.service.AlertService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/v1/alerts?node=&level=&all=&limit=} (viewer): alerts raised now, or with {@code
 * all=true} every raise and clear among the newest {@code limit} alert events.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public final class AlertsResource {
  private final AlertService alerts;

  public AlertsResource(AlertService alerts) {
    this.alerts = alerts;
  }

  @GET
  public List<AlertView> list(@QueryParam("node") String node, @QueryParam("level") String level,
      @QueryParam("all") @DefaultValue("false") boolean all,
      @QueryParam("limit") @DefaultValue("1000") int limit) throws ControllerException {
    return all ? alerts.history(Callers.blankToNull(node), Callers.blankToNull(level), limit)
        : alerts.current(Callers.blankToNull(node), Callers.blankToNull(level));
  }
}

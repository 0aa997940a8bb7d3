package dev.cairn.controller.resources;

import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.model.EventQuery;
import dev.cairn.controller.model.EventRecord;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.service.EventService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/v1/events?node=&kind=&since=&limit=}: the fleet's event log. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public final class EventsResource {
  private final EventService events;

  public EventsResource(EventService events) {
    this.events = events;
  }

  @GET
  public List<EventRecord> query(@QueryParam("node") String node, @QueryParam("kind") String kind,
      @QueryParam("since") String since, @QueryParam("limit") @DefaultValue("100") int limit)
      throws ControllerException {
    return events.query(new EventQuery(Callers.blankToNull(node), Callers.blankToNull(kind),
        Callers.instant(since, "since"), limit));
  }
}

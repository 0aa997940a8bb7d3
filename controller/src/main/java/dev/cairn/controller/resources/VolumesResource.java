package dev.cairn.controller.resources;

import dev.cairn.controller.api.VolumeView;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.service.VolumeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/v1/volumes?node=&status=&backupProblems=} (viewer): one row per node and volume
 * with health, capacity, growth and backup status.
 */
@Path("/api/v1/volumes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public final class VolumesResource {
  private final VolumeService volumes;

  public VolumesResource(VolumeService volumes) {
    this.volumes = volumes;
  }

  @GET
  public List<VolumeView> list(@QueryParam("node") String node,
      @QueryParam("status") String status,
      @QueryParam("backupProblems") @DefaultValue("false") boolean backupProblems)
      throws ControllerException {
    return volumes.list(Callers.blankToNull(node), Callers.blankToNull(status), backupProblems);
  }
}

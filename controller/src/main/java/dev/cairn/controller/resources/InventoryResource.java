package dev.cairn.controller.resources;

import dev.cairn.controller.api.InventoryApplyView;
import dev.cairn.controller.api.InventoryDiffView;
import dev.cairn.controller.api.InventoryPreview;
import dev.cairn.controller.api.InventoryUploadView;
import dev.cairn.controller.api.InventoryVersionView;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.service.InventoryService;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * {@code /api/v1/inventory}: upload (admin; body = one inventory file or a tar/tar.gz of an
 * inventory directory), versions, diffs and previews (viewer), apply (admin).
 */
@Path("/api/v1/inventory")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_NAME)
public final class InventoryResource {
  private final InventoryService inventory;

  public InventoryResource(InventoryService inventory) {
    this.inventory = inventory;
  }

  /** 201 with the new version, its diff against the applied one and the preview of applying it. */
  @PUT
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed(Role.ADMIN_NAME)
  public Response upload(InputStream body, @QueryParam("name") String name,
      @Context SecurityContext security) throws ControllerException, IOException {
    InventoryUploadView uploaded = inventory.upload(body, name, Callers.actor(security));
    return Response.created(URI.create("/api/v1/inventory/versions/"
        + uploaded.version().version())).entity(uploaded).build();
  }

  /** The applied version (404 before the first apply). */
  @GET
  public InventoryVersionView applied() throws ControllerException {
    return inventory.applied();
  }

  @GET
  @Path("versions")
  public List<InventoryVersionView> versions(@QueryParam("limit") @DefaultValue("100") int limit) {
    return inventory.versions(limit);
  }

  @GET
  @Path("versions/{version}")
  public InventoryVersionView version(@PathParam("version") String version)
      throws ControllerException {
    return inventory.version(number(version, "version"));
  }

  @GET
  @Path("versions/{version}/preview")
  public InventoryPreview preview(@PathParam("version") String version)
      throws ControllerException, IOException {
    return inventory.preview(number(version, "version"));
  }

  @POST
  @Path("versions/{version}/apply")
  @RolesAllowed(Role.ADMIN_NAME)
  public InventoryApplyView apply(@PathParam("version") String version,
      @Context SecurityContext security) throws ControllerException, IOException {
    return inventory.apply(number(version, "version"), Callers.actor(security));
  }

  /** {@code ?from=A&to=B}: how version B differs from version A. */
  @GET
  @Path("diff")
  public InventoryDiffView diff(@QueryParam("from") String from, @QueryParam("to") String to)
      throws ControllerException, IOException {
    return inventory.diff(number(from, "from"), number(to, "to"));
  }

  private static long number(String text, String parameter) throws InvalidRequestException {
    try {
      long value = Long.parseLong(text == null ? "" : text.strip());
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidRequestException(parameter + " must be an inventory version number (1, 2, "
        + "...), not '" + text + "'");
  }
}

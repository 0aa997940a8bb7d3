package dev.cairn.controller.resources;

import dev.cairn.controller.api.ErrorBody;
import dev.cairn.controller.error.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * JAX-RS's own failures (unknown path, wrong method, wrong media type, 403 from
 * {@code @RolesAllowed}, 401 from the auth filter) in Cairn's error shape.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    if (original.hasEntity() && original.getEntity() instanceof ErrorBody) {
      return original;
    }
    if (e instanceof org.glassfish.jersey.server.ParamException param) {
      // Jersey answers a query or path parameter it cannot convert (?limit=abc) with 404
      String why = e.getCause() == null ? "cannot be read" : e.getCause().getMessage();
      return ErrorResponses.of(ErrorCode.INVALID_REQUEST, "Parameter '" + param.getParameterName()
          + "' is not valid (" + why + "); see docs/rest-api.md");
    }
    int status = original.getStatus();
    ErrorCode code = ErrorCode.forHttpStatus(status);
    String message = switch (code) {
      case FORBIDDEN -> "Your API token's role does not allow this request";
      case NOT_FOUND -> "No such resource; see docs/rest-api.md for the endpoints";
      case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource";
      case UNSUPPORTED_MEDIA_TYPE -> "Send JSON with 'Content-Type: application/json'";
      default -> e.getMessage();
    };
    Response.ResponseBuilder response = Response.status(status)
        .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody(code.wireName(), message));
    original.getHeaders().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Content-Type")) {
        values.forEach(value -> response.header(name, value));
      }
    });
    return response.build();
  }
}

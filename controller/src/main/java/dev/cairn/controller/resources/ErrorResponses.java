package dev.cairn.controller.resources;

import dev.cairn.controller.api.ErrorBody;
import dev.cairn.controller.error.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds REST error responses from the {@link ErrorCode} table. */
final class ErrorResponses {
  private ErrorResponses() {}

  static Response of(ErrorCode code, String message) {
    return of(code, message, List.of());
  }

  static Response of(ErrorCode code, String message, List<String> problems) {
    return Response.status(code.httpStatus())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody(code.wireName(), message, problems))
        .build();
  }
}

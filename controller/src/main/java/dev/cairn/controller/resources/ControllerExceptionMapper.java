package dev.cairn.controller.resources;

import dev.cairn.controller.error.ControllerException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Expected failures → their {@code ErrorCode}'s status and {@code {"error","message"}}. */
public final class ControllerExceptionMapper implements ExceptionMapper<ControllerException> {
  @Override
  public Response toResponse(ControllerException e) {
    return ErrorResponses.of(e.code(), e.getMessage(), e.problems());
  }
}

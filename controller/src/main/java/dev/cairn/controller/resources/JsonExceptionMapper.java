package dev.cairn.controller.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.controller.error.ErrorCode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A request body that is not the expected JSON → 400 {@code invalid-request}. */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
  @Override
  public Response toResponse(JsonProcessingException e) {
    return ErrorResponses.of(ErrorCode.INVALID_REQUEST,
        "The request body is not valid JSON for this endpoint: " + e.getOriginalMessage());
  }
}

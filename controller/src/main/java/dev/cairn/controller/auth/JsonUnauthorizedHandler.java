package dev.cairn.controller.auth;

import dev.cairn.controller.api.ErrorBody;
import dev.cairn.controller.error.ErrorCode;
import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** 401 in Cairn's error shape, with the {@code WWW-Authenticate: Bearer} challenge. */
public final class JsonUnauthorizedHandler implements UnauthorizedHandler {
  @Override
  public Response buildResponse(String prefix, String realm) {
    return Response.status(ErrorCode.UNAUTHENTICATED.httpStatus())
        .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody(ErrorCode.UNAUTHENTICATED.wireName(),
            "Send a valid API token as 'Authorization: Bearer TOKEN'"))
        .build();
  }
}

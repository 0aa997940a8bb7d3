package dev.cairn.controller.resources;

import dev.cairn.controller.error.ErrorCode;
import dev.cairn.controller.error.StoreException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything else: logged with its stack trace here, answered without it. A storage failure is
 * 503 {@code unavailable}; any other exception is a bug, 500 {@code internal}.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

  @Override
  public Response toResponse(Throwable e) {
    if (e instanceof StoreException) {
      LOG.error("Storage failure", e);
      return ErrorResponses.of(ErrorCode.UNAVAILABLE, e.getMessage());
    }
    LOG.error("Unexpected failure", e);
    return ErrorResponses.of(ErrorCode.INTERNAL, "Internal error; the controller's log has details");
  }
}

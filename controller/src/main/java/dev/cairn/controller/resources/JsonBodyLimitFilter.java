package dev.cairn.controller.resources;

import dev.cairn.controller.error.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a JSON request body larger than {@link #MAX_BYTES} with 413, before it is parsed into
 * memory: by its {@code Content-Length} at once, a chunked one as soon as it passes the limit.
 * Inventory uploads (not JSON) have their own limit.
 */
@PreMatching
public final class JsonBodyLimitFilter implements ContainerRequestFilter {

  /** Larger than any desired-state document accepted (4 MiB serialized), far below the heap. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return;
    }
    if (request.getLength() > MAX_BYTES) {
      throw tooLarge();
    }
    request.setEntityStream(new Limited(request.getEntityStream()));
  }

  private static WebApplicationException tooLarge() {
    return new WebApplicationException(ErrorResponses.of(ErrorCode.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + MAX_BYTES + " bytes; desired state and commands are "
            + "configuration, not data (images and files travel as bundles)"));
  }

  /** Counts what is read and fails once more than the limit went through. */
  private static final class Limited extends FilterInputStream {
    private long read;

    Limited(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > MAX_BYTES) {
        throw tooLarge();
      }
    }
  }
}

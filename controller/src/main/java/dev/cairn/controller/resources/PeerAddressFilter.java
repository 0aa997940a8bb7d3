package dev.cairn.controller.resources;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Puts the connection's peer address into a request attribute (which Jersey shows as a request
 * property), for the audit log: JAX-RS itself does not tell it.
 */
public final class PeerAddressFilter implements Filter {

  /** The request attribute (and JAX-RS request property) holding the peer address. */
  static final String PROPERTY = "dev.cairn.controller.peerAddress";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    request.setAttribute(PROPERTY, request.getRemoteAddr());
    chain.doFilter(request, response);
  }
}

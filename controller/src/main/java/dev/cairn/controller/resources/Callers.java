package dev.cairn.controller.resources;

import dev.cairn.controller.error.InvalidRequestException;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Small request helpers shared by the resources: who is calling, and query-parameter parsing. */
final class Callers {
  private Callers() {}

  static String actor(SecurityContext security) {
    return security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
  }

  static Instant instant(String text, String parameter) throws InvalidRequestException {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(parameter + " must be an ISO-8601 instant such as "
          + "2026-01-31T12:00:00Z, not '" + text + "'");
    }
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}

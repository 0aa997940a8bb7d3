package dev.cairn.controller.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Every REST error: {@code {"error": "not-found", "message": "..."}}, plus {@code problems} (one
 * per line, e.g. {@code file:line: ...}) when a request has several.
 */
public record ErrorBody(
    String error, String message, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> problems) {
  public ErrorBody(String error, String message) {
    this(error, message, List.of());
  }
}

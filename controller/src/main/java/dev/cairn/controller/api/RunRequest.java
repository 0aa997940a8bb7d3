package dev.cairn.controller.api;

/**
 * Body of {@code POST /api/v1/runs}: a host pattern, the command every matched node runs, and an
 * optional expiry ({@code ttlSeconds}; default from the controller's {@code fleet.runTtl}).
 */
public record RunRequest(String pattern, Command command, Long ttlSeconds) {

  /** The command: a kind ({@code ping}, {@code snapshot}, ...) and its arguments. */
  public record Command(String kind, com.fasterxml.jackson.databind.JsonNode arguments) {}
}

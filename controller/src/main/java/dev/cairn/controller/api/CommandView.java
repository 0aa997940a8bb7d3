package dev.cairn.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A command and, once the agent answered, its result. */
public record CommandView(
    String id,
    String node,
    long seq,
    String kind,
    JsonNode arguments,
    String status,
    Instant created,
    Instant notAfter,
    String createdBy,
    Instant updated,
    Result result) {

  /** The agent's answer; {@code outcome} is {@code ok|changed|failed|skipped}. */
  public record Result(
      String outcome, String message, JsonNode details, Instant started, Instant finished) {}
}

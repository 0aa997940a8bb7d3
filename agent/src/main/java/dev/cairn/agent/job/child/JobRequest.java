package dev.cairn.agent.job.child;

import com.fasterxml.jackson.core.JsonParseException;
import com.google.protobuf.ByteString;
import dev.cairn.agent.desired.DesiredState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One job for a job process: the operation, its arguments (plain JSON values, named as in
 * docs/agent-jobs.md), the node settings, and the desired states the agent's volume catalogue and
 * snapshot hooks currently come from (so the job sees exactly what the agent would). Travels as one
 * line of JSON on the process's standard input. Immutable.
 */
public record JobRequest(JobOperation operation, Map<String, Object> arguments, JobEnvironment environment,
    Optional<DesiredState> catalogueFrom, Optional<DesiredState> hooksFrom) {

  public JobRequest {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(catalogueFrom, "catalogueFrom");
    Objects.requireNonNull(hooksFrom, "hooksFrom");
    arguments = new LinkedHashMap<>(arguments);
  }

  /** {@code hooksFrom}'s value when it is the desired state {@code catalogueFrom} holds. */
  static final String SAME_AS_CATALOGUE = "catalogueFrom";

  String encode() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("operation", operation.wireName());
    document.put("arguments", arguments);
    document.put("environment", environment.toMap());
    document.put("catalogueFrom", catalogueFrom.map(JobRequest::encode).orElse(null));
    // usually the same desired state: then it travels once
    document.put("hooksFrom", hooksFrom.isPresent() && hooksFrom.equals(catalogueFrom) ? SAME_AS_CATALOGUE
        : hooksFrom.map(JobRequest::encode).orElse(null));
    return JsonValues.write(document);
  }

  private static Map<String, Object> encode(DesiredState state) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("version", state.version());
    map.put("updated", state.updated().toString());
    map.put("spec", Base64.getEncoder().encodeToString(state.spec().toByteArray()));
    return map;
  }

  static JobRequest decode(String text) throws JobRequestException {
    Map<String, Object> document;
    try {
      document = JsonValues.readObject(text);
    } catch (JsonParseException e) {
      throw new JobRequestException("the job request is not JSON: " + e.getOriginalMessage());
    }
    JsonFields fields = new JsonFields("request", document);
    Optional<DesiredState> catalogueFrom = desiredState(fields, "catalogueFrom");
    Optional<DesiredState> hooksFrom = SAME_AS_CATALOGUE.equals(fields.map().get("hooksFrom")) ? catalogueFrom
        : desiredState(fields, "hooksFrom");
    return new JobRequest(JobOperation.ofWireName(fields.string("operation")), fields.object("arguments"),
        JobEnvironment.fromMap(fields.object("environment")), catalogueFrom, hooksFrom);
  }

  private static Optional<DesiredState> desiredState(JsonFields fields, String name)
      throws JobRequestException {
    if (fields.map().get(name) == null) {
      return Optional.empty();
    }
    JsonFields state = new JsonFields(name, fields.object(name));
    try {
      return Optional.of(new DesiredState((long) state.number("version"), ByteString.copyFrom(
          Base64.getDecoder().decode(state.string("spec"))), Instant.parse(state.string("updated"))));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new JobRequestException(name + " is not a desired state: " + e.getMessage());
    }
  }

  /** The arguments with typed access. */
  JsonFields fields() {
    return new JsonFields("arguments", arguments);
  }
}

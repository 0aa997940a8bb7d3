package dev.cairn.controller.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/nodes/{name}/commands}. {@code id} is an optional idempotency id;
 * {@code kind} is kebab-case ({@code ping}, {@code report-health}, {@code snapshot}, ...);
 * {@code arguments} is the JSON form of the kind's protobuf message.
 */
public record CommandRequest(String id, String kind, JsonNode arguments, Long ttlSeconds) {}

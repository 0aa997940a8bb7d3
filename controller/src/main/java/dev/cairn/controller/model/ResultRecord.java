package dev.cairn.controller.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An agent's result of one command; {@code outcome} is {@code ok|changed|failed|skipped}. */
public record ResultRecord(
    String commandId,
    long commandSeq,
    String outcome,
    String message,
    JsonNode details,
    Instant started,
    Instant finished,
    Instant received) {}

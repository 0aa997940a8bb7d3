package dev.cairn.controller.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An API token; {@code token} (the secret) is present only in the answer that created it. */
public record ApiTokenView(
    String id, String name, String role, Instant created, String createdBy,
    @JsonInclude(JsonInclude.Include.NON_NULL) String token) {}

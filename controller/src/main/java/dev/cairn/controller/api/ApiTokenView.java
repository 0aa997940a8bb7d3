package dev.cairn.controller.api;

import java.time.Instant;

/** An API token; {@code token} (the secret) is set only in the answer that created it. */
public record ApiTokenView(
    String id, String name, String role, Instant created, String createdBy, String token) {}

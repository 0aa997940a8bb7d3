package dev.cairn.controller.model;

import java.time.Instant;

/**
 * A stored API token: never the secret itself, only its SHA-256 {@code hash} (hex). {@code id}
 * names it in lists and audit entries.
 */
public record ApiTokenRecord(
    String id, String name, Role role, String hash, Instant created, String createdBy) {}

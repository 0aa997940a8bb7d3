package dev.cairn.controller.api;

/** Body of {@code POST /api/v1/enrollment-tokens}; both fields optional (TTL default 3600 s). */
public record EnrollmentTokenRequest(String node, Long ttlSeconds) {}

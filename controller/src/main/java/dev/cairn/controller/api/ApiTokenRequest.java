package dev.cairn.controller.api;

/** Body of {@code POST /api/v1/tokens}: a name for people and a role. */
public record ApiTokenRequest(String name, String role) {}

package dev.cairn.controller.api;

/** Every REST error: {@code {"error": "not-found", "message": "..."}}. */
public record ErrorBody(String error, String message) {}

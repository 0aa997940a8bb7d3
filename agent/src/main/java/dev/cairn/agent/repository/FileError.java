package dev.cairn.agent.repository;

/** A file a snapshot could not read: its path inside the volume and why. Immutable. */
public record FileError(String path, String message) {}

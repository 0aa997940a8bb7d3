package dev.cairn.agent.backend;

/** An object found by {@link Backend#list}: its handle and size in bytes. Immutable. */
public record FileInfo(Handle handle, long size) {}

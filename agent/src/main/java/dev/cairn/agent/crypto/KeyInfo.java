package dev.cairn.agent.crypto;

/** A key file as {@code cairn repo key list} shows it. Immutable. */
public record KeyInfo(String id, String created, String host, String user, boolean current) {}

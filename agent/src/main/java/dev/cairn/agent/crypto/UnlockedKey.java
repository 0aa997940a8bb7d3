package dev.cairn.agent.crypto;

/** The master key and the id of the key file that opened it. Immutable. */
public record UnlockedKey(MasterKey key, String keyId) {}

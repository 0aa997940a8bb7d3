package dev.cairn.agent.crypto;

/** The plaintext wrapped in a key file: the two master keys. */
record MasterKeyJson(byte[] encrypt, byte[] mac) {}

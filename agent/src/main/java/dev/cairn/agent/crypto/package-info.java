/**
 * Keys and ciphers: the master key (AES-256-GCM sealing, HMAC-SHA-256 blob ids), key files that
 * wrap it under a scrypt-derived key (the key ring), and JIT warm-up of the AES-GCM intrinsics.
 * A <i>key</i> is one key file (one password); the <i>master key</i> is what every key wraps.
 *
 * <p>Write path: volume → chunk → compress → <b>crypto</b> → pack → repository → backend.
 * Implements {@code repository.RepositoryKey}; depends on {@code repository} and {@code backend}.
 */
package dev.cairn.agent.crypto;

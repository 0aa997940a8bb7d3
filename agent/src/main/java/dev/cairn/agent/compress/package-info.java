/**
 * Blob compression: zstd level 3, skipped cheaply (a 64 KiB probe) where it does not pay.
 *
 * <p>Write path: volume → chunk → <b>compress</b> → crypto → pack → repository → backend.
 * Depends on {@code repository} (its exceptions) only.
 */
package dev.cairn.agent.compress;

/**
 * Content-defined chunking: FastCDC cut points (a seeded gear hash), streaming a file as chunks
 * in pooled buffers. A chunk is a piece of file content whose boundaries depend on the content
 * around them, so an insertion shifts only nearby chunks.
 *
 * <p>Write path: volume → <b>chunk</b> → compress → crypto → pack → repository → backend.
 * Depends on {@code repository} (chunker parameters) only.
 */
package dev.cairn.agent.chunk;

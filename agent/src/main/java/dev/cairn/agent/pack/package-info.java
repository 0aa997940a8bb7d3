/**
 * Pack files: many sealed blobs back to back with a sealed header (their table of contents) and
 * a trailer; the writer stages a pack locally and flushes it, the reader reads headers and blobs.
 *
 * <p>Write path: volume → chunk → compress → crypto → <b>pack</b> → repository → backend.
 * Depends on {@code repository} (entries, the key interface) and {@code backend}.
 */
package dev.cairn.agent.pack;

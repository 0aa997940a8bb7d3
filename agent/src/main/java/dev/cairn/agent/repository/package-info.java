/**
 * The repository model and its small objects: config, blob ids and types, the index (which pack
 * holds which blob), trees (directory listings), snapshot records, locks, sealed-object and
 * index encodings, and the checked exception hierarchy ({@code RepositoryException}). A
 * <i>blob</i> is a sealed chunk or tree; a <i>snapshot</i> is a record pointing at a root tree.
 * Format: docs/repository-format.md.
 *
 * <p>Write path: volume → chunk → compress → crypto → pack → <b>repository</b> → backend.
 * Depends on {@code backend} only; encryption comes in through {@code RepositoryKey}.
 */
package dev.cairn.agent.repository;

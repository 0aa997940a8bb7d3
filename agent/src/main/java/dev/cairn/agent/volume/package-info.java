/**
 * Volumes as file trees: reading a file's metadata into a tree node ({@code lstat}), listing
 * directories, and the restore side — a confined {@code RestoreTarget}, metadata, sparse writes.
 *
 * <p>First step of the agent write path: <b>volume</b> → chunk → compress → crypto → pack →
 * repository → backend. Depends on {@code repository} (tree nodes) only.
 */
package dev.cairn.agent.volume;

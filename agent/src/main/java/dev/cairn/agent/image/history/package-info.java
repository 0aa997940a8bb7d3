/**
 * Versions of each image repository on this node and the retention of cached images.
 *
 * <p>Terms: a <em>version</em> is one tag of a repository that was imported (tag → manifest and
 * image id, when, from which source); the <em>current</em> version is the one the moving
 * <em>alias</em> tag (default {@code current}) points at in the engine; <em>previous</em> versions
 * are those imported before it, <em>pending</em> ones after it (imported, never made current). Each
 * repository's history is one JSON file under {@code cache/images/history/}, replaced atomically
 * (temp file, fsync, rename); its {@code events} list is append-only.
 *
 * <p>{@link dev.cairn.agent.image.history.RetentionPolicy#apply} is a pure function deciding which
 * versions garbage collection keeps. Depends on {@code image.oci} and {@code image.cache}.
 */
package dev.cairn.agent.image.history;

/**
 * The node's image cache: an OCI image layout under {@code <base>/cache/images} ({@code oci-layout},
 * {@code index.json}, {@code blobs/sha256/<hex>}). Every blob is stored once, whatever number of
 * images or versions use it.
 *
 * <p>Terms: a <em>staging area</em> holds the blobs of one import while they are written and
 * verified; <em>committing</em> moves verified blobs into {@code blobs/} (atomic rename, directory
 * fsync) and then rewrites {@code index.json} (temp file, fsync, rename) — the index is the commit
 * point, so a crash leaves at most unreferenced blobs that garbage collection removes. The
 * <em>cache lock</em> serialises writers across processes.
 *
 * <p>Depends on {@code image.oci} only.
 */
package dev.cairn.agent.image.cache;
